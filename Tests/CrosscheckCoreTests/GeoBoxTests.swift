import CrosscheckCore
import Testing

@Suite struct GeoBoxTests {
    @Test func parsesAndChecksItsEdges() {
        let box = GeoBox(parsing: "66.5, 36.5,70.5,38.5")
        #expect(box == GeoBox(west: 66.5, south: 36.5, east: 70.5, north: 38.5))
        #expect(box?.contains(latitude: 37.23, longitude: 69.1) == true)
        #expect(box?.contains(latitude: 39, longitude: 69.1) == false)
        for bad in ["", "1,2,3", "1,2,3,4,5", "a,b,c,d", "0,10,5,5", "-181,0,0,1", "0,-91,1,0", "nan,0,1,1", "0,0,inf,1", "1,,2,3"] {
            #expect(GeoBox(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func aBoxCanCrossTheAntimeridian() throws {
        let fiji = try #require(GeoBox(parsing: "170,-25,-170,-10"))
        #expect(fiji.crossesAntimeridian)
        #expect(fiji.contains(latitude: -18, longitude: 178.4) && fiji.contains(latitude: -18, longitude: -179.9))
        #expect(!fiji.contains(latitude: -18, longitude: 0))
    }
}
