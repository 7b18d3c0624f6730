import YoujiaoCLI

@main
struct Entry {
    static func main() async {
        await YoujiaoCommand.main()
    }
}
