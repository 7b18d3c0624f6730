#if canImport(Glibc)
import Glibc
#endif
import YoujiaoCLI

@main
struct Entry {
    static func main() async {
        // Line-buffered output, so progress and the demo accounts reach a log file as they happen.
        nonisolated(unsafe) let output = stdout
        setvbuf(output, nil, _IOLBF, 0)
        await YoujiaoCommand.main()
    }
}
