import CrosscheckCore
import CrosscheckIngest
import CrosscheckTesting
import Foundation
import Testing

@Suite struct TextCleanerTests {
    let cleaner = TextCleaner()

    @Test func headlineMetadataAndTailAppeal() {
        let text = """
        • publish: 6 July 2021
          • time: 12:36 pm
          • category: Politics
        Floods cut off three villages in Khatlon

        Rescue teams reached the villages of Dahana and Panj on Monday after the river fell overnight, officials said.

        The regional governor said at least 14 people had died and that "we will rebuild every house".

        Leave a Reply

        Your email address will not be published. Required fields are marked *
        """
        let cleaned = cleaner.clean(text)
        #expect(cleaned.title == "Floods cut off three villages in Khatlon")
        #expect(cleaned.metadata["publish"] == "6 July 2021")
        #expect(cleaned.metadata["category"] == "Politics")
        #expect(cleaned.text.hasPrefix("Rescue teams reached"))
        #expect(cleaned.text.hasSuffix("\"we will rebuild every house\"."))
        #expect(cleaned.removed.map(\.reason) == ["metadata-line", "metadata-line", "metadata-line", "comments", "comments"])
    }

    @Test func captionsAndCreditsInTheBody() {
        let text = """
        Officials said the embankment was repaired on Tuesday after two days of work by volunteers.

        Mary, Turkmenistan

        The district head said the repairs would hold until the end of the flood season this year.

        Volunteers stack sandbags near the river.   Pamir Ledger / Photo Desk

        Most families returned home on Wednesday, according to the district administration.
        """
        let cleaned = cleaner.clean(text)
        #expect(cleaned.removed.map(\.reason) == ["photo-caption", "photo-caption"])
        #expect(cleaned.text.components(separatedBy: "\n\n").count == 3)
    }

    /// "US" written in capitals is the country: a lead about US troops is news, not "support us".
    @Test func theUSIsNotTheReader() {
        let text = """
        Border tensions rise as talks stall

        The Pentagon denied that US troops had been deployed to the border on Monday.

        Officials in the capital said talks on the border would resume next week, after a pause of several days.

        Please support us today so we can keep reporting.
        """
        let cleaned = cleaner.clean(text)
        #expect(cleaned.text.hasPrefix("The Pentagon denied that US troops"))
        #expect(!cleaned.text.contains("support us"))
    }

    /// One "we", "our" or "us" at an article's end is a source or the outlet reporting, not an appeal; "you" or two
    /// of them address the reader.
    @Test func aLastParagraphWithOneWeIsNews() {
        let text = """
        Border tensions rise as talks stall

        Officials in the capital said talks on the border would resume next week, after a pause of several days.

        Witnesses told us the convoy was hit twice.

        Our correspondent in the capital says at least 20 people were killed in the blast.

        We rely on readers like you to keep going.
        """
        let cleaned = cleaner.clean(text)
        #expect(cleaned.text.contains("Witnesses told us the convoy was hit twice."))
        #expect(cleaned.text.contains("Our correspondent in the capital says"))
        #expect(!cleaned.text.contains("readers like you"))
        // A long appeal with one "our" and an appeal phrase is still one.
        let appeal = """
        Border tensions rise as talks stall

        Officials in the capital said talks on the border would resume next week, after a pause of several days.

        Independent journalism in the region costs money, and every contribution helps support our reporting for as little as one dollar a month.
        """
        #expect(!cleaner.clean(appeal).text.contains("Independent journalism"))
    }

    @Test func quotedWeIsNotAnAppeal() {
        let text = """
        "We heard it before we saw it": villagers recount the night the river broke through

        "We cannot feed our children with empty words," a worker told the outlet, asking not to be named.
        """
        let cleaned = cleaner.clean(text)
        #expect(cleaned.title?.hasPrefix("\"We heard it") == true)
        #expect(cleaned.text.hasPrefix("\"We cannot feed"))
    }

    @Test func gluedCaptionsAreCutAndNamesWithDotsStay() {
        let text = """
        The minister arrived on Monday. FILE – The minister shakes hands with the governor in Bokhtar, Tajikistan.The talks lasted two hours, officials said. Residents wade through water in Dahana, Hamadoni district, April 27, 2025.Rescue teams reached the village by boat. Another site, Turkmen.News, reported the same. The U.S. Embassy.Officials did not comment.
        """
        let cleaned = cleaner.clean(text)
        #expect(cleaned.removed.map(\.reason) == ["photo-caption", "photo-caption"])
        #expect(cleaned.text == "The minister arrived on Monday. The talks lasted two hours, officials said. Rescue teams reached the village by boat. Another site, Turkmen.News, reported the same. The U.S. Embassy.Officials did not comment.")
        // Every kept run maps back to identical raw bytes.
        let raw = Array(text.utf8), clean = Array(cleaned.text.utf8)
        for segment in cleaned.sourceMap {
            #expect(Array(raw[segment.rawStart..<(segment.rawStart + segment.rawLength)])
                == Array(clean[segment.cleanStart..<(segment.cleanStart + segment.length)]))
        }
    }

    @Test func sourceMapPointsAtRawBytes() {
        let raw = "Headline about the flood today\n\n  First paragraph of the report is here, with details.\n"
        let cleaned = cleaner.clean(raw)
        let segment = cleaned.sourceMap[0]
        let rawBytes = Array(raw.utf8)
        let slice = String(decoding: rawBytes[segment.rawStart..<(segment.rawStart + segment.rawLength)], as: UTF8.self)
        #expect(slice == "First paragraph of the report is here, with details.")
    }

    /// The seeds: every donation appeal, comment form, newsletter block, metadata line and credited
    /// caption goes; the reporting stays.
    @Test(.needs("seeds")) func seedsLoseBoilerplateNotReporting() throws {
        let files = try #require(SharedData.seedFiles())
        let mustGo = ["Leave A Reply", "Leave a Reply", "leave a reply", "Your email address will not be published",
                      "publish: 6 July 2021", "category: Politics", "Enjoying ad-free content?", "Support us",
                      "Sign up for our free weekly newsletter", "Dear readers", "Remind me later",
                      "Russian Defence Ministry / TASS", "Marie, Turkmenistan", "Subscribers agree to the Privacy Policy",
                      "FILE –", "keeps watch as he sits in an army vehicle"]
        let mustStay = ["Turkmen.News, also reported the transfer", "Tajik President Emomali Rahmon reportedly ordered",
                        "The rapid withdrawal of U.S. forces", "Shir Khan Bandar border crossing",
                        "not yet ready to name the exact number of refugees", "Tass news agency reported",
                        "Mary is about 400 kilometers north of Serhetabad", "Putin assured Rakhmon that Moscow",
                        "The Taliban took over six key districts", "Peace talks between the two sides"]
        var texts = ""
        for file in files {
            let cleaned = cleaner.clean(try String(contentsOf: file, encoding: .utf8))
            texts += cleaned.text + "\n"
        }
        for phrase in mustGo { #expect(!texts.contains(phrase), "kept boilerplate: \(phrase)") }
        for phrase in mustStay { #expect(texts.contains(phrase), "lost reporting: \(phrase)") }
    }
}
