#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import NIOCore
import NIOPosix
import YoujiaoCLI

@main
struct Entry {
    static func main() async {
        // Line-buffered output, so progress and the demo accounts reach a log file as they happen.
        setvbuf(stdout, nil, _IOLBF, 0)
        // Async code runs on NIO's event loops, where the requests and the database answers already
        // are, instead of hopping to Swift's own pool and back at every await: a third more pages a
        // second under load (BENCHMARKS.md). Nothing may block a thread, and nothing here does.
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        await YoujiaoCommand.main()
    }
}
