import CrosscheckIngest
import FuzzDriver

// The plain-text cleaner (boilerplate lines, titles, bylines, glued captions) and the
// word counter, on arbitrary text.
let cleaner = TextCleaner()
runFuzzer { bytes in
    let text = String(decoding: bytes, as: UTF8.self)
    _ = cleaner.clean(text)
    _ = cleaner.clean(text, rawBase: bytes.count)
    _ = TextCleaner.wordCount(text)
}
