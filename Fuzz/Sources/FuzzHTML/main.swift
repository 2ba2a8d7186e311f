import CrosscheckIngest
import FuzzDriver

// The HTML extractor (libxml2 parse, main-text voting, metadata and date evidence) on arbitrary bytes.
let extractor = HTMLExtractor()
runFuzzer { bytes in
    _ = extractor.extract(bytes)
}
