import CrosscheckIngest
import FuzzDriver

// The metadata date parser on arbitrary strings: whole values, embedded dates, dates in running text.
runFuzzer { bytes in
    let text = String(decoding: bytes, as: UTF8.self)
    for dayFirst in [false, true] {
        _ = DateParser.parse(text, from: "fuzz", slashDayFirst: dayFirst)
        _ = DateParser.parseEmbedded(text, from: "fuzz", slashDayFirst: dayFirst)
        _ = DateParser.datesIn(text, slashDayFirst: dayFirst)
    }
    _ = DateParser.datesWithYear(in: text)
}
