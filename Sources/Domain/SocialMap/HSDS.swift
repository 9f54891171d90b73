import Foundation

/// Open Referral HSDS 3.0, the subset MGN exchanges: organisations with their locations (addresses,
/// opening hours) and services (areas, languages, phones, activities as schedules). What HSDS has no
/// field for (route, referral, owner, waits, MGN's last-checked time) travels as attributes with
/// taxonomy terms of the "MGN" taxonomy, so an export imports back without loss.
public enum HSDS {
    public struct Page: Codable, Sendable {
        public var totalItems: Int
        public var totalPages: Int
        public var pageNumber: Int
        public var size: Int
        public var firstPage: Bool
        public var lastPage: Bool
        public var empty: Bool
        public var contents: [Organization]
        public init(contents: [Organization]) {
            totalItems = contents.count; totalPages = 1; pageNumber = 1; size = contents.count
            firstPage = true; lastPage = true; empty = contents.isEmpty; self.contents = contents
        }
    }
    public struct Organization: Codable, Sendable {
        public var id: String
        public var name: String
        public var description: String
        public var email: String?
        public var website: String?
        public var phones: [Phone]?
        public var locations: [Location]?
        public var services: [Service]?
        public var attributes: [Attribute]?
    }
    public struct Phone: Codable, Sendable {
        public var id: String
        public var number: String
    }
    public struct Location: Codable, Sendable {
        public var id: String
        public var locationType: String
        public var organizationId: String?
        public var name: String?
        public var addresses: [Address]?
        public var schedules: [Schedule]?
    }
    public struct Address: Codable, Sendable {
        public var id: String
        public var locationId: String?
        public var address1: String
        public var city: String
        public var stateProvince: String
        public var postalCode: String
        public var country: String
        public var addressType: String
    }
    public struct Schedule: Codable, Sendable {
        public var id: String
        public var serviceId: String?
        public var locationId: String?
        public var validFrom: String?
        public var validTo: String?
        public var dtstart: String?
        public var freq: String?
        public var byday: String?
        public var opensAt: String?
        public var closesAt: String?
        public var description: String?
        public var notes: String?
    }
    public struct Service: Codable, Sendable {
        public var id: String
        public var organizationId: String?
        public var name: String
        public var description: String?
        public var url: String?
        public var email: String?
        public var status: String
        public var applicationProcess: String?
        public var feesDescription: String?
        public var eligibilityDescription: String?
        public var assuredDate: String?
        public var lastModified: String?
        public var phones: [Phone]?
        public var schedules: [Schedule]?
        public var serviceAreas: [ServiceArea]?
        public var serviceAtLocations: [ServiceAtLocation]?
        public var languages: [Language]?
        public var attributes: [Attribute]?
    }
    public struct ServiceArea: Codable, Sendable {
        public var id: String
        public var serviceId: String?
        public var name: String?
        public var uri: String?
    }
    public struct ServiceAtLocation: Codable, Sendable {
        public var id: String
        public var serviceId: String?
        public var locationId: String?
    }
    public struct Language: Codable, Sendable {
        public var id: String
        public var serviceId: String?
        public var name: String?
        public var code: String?
    }
    public struct Attribute: Codable, Sendable {
        public var id: String
        public var linkId: String?
        public var taxonomyTermId: String?
        public var linkType: String?
        public var linkEntity: String?
        public var value: String?
        public var taxonomyTerm: TaxonomyTerm?
    }
    public struct TaxonomyTerm: Codable, Sendable {
        public var id: String
        public var code: String?
        public var name: String
        public var description: String
        public var taxonomy: String?
    }

    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        // Like .convertToSnakeCase, but "address1" becomes HSDS's "address_1".
        e.keyEncodingStrategy = .custom { path in
            let key = path.last!.stringValue
            var out = ""; var prev: Character? = nil
            for ch in key {
                if ch.isUppercase { out += "_" + ch.lowercased() }
                else if ch.isNumber, let p = prev, p.isLetter { out += "_" + String(ch) }
                else { out.append(ch) }
                prev = ch
            }
            return SnakeKey(out)
        }
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return e
    }
    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        return d
    }
}

private struct SnakeKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Ids for the small objects HSDS wants ids for (a phone, an address), derived from their owner so
/// the same export twice is the same document.
public enum DerivedID {
    public static func make(_ owner: UUID, _ part: String) -> UUID {
        var a: UInt64 = 0xcbf29ce484222325, b: UInt64 = 0x84222325cbf29ce4
        for byte in (owner.uuidString + "/" + part).utf8 {
            a = (a ^ UInt64(byte)) &* 0x100000001b3
            b = (b ^ UInt64(byte)) &* 0x100000001b3 &+ 0x9e3779b97f4a7c15
        }
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 { bytes[i] = UInt8(truncatingIfNeeded: a >> (8 * UInt64(i))); bytes[8 + i] = UInt8(truncatingIfNeeded: b >> (8 * UInt64(i))) }
        bytes[6] = (bytes[6] & 0x0f) | 0x50
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
