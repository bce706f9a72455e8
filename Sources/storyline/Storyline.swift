@main struct Storyline { static func main() {} }
