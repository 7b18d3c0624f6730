#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import YoujiaoCLI

@main
struct Entry {
    static func main() async {
        // Line-buffered output, so progress and the demo accounts reach a log file as they happen.
        setvbuf(stdout, nil, _IOLBF, 0)
        await YoujiaoCommand.main()
    }
}
