import Domain
import Foundation
import Vapor

/// View pieces the sociale-kaart pages share.
struct PartView: Encodable { var text: String; var match: Bool }

struct SnippetView: Encodable {
    var parts: [PartView], leading: Bool, trailing: Bool
    init(_ s: Snippet) { parts = s.parts.map { PartView(text: $0.text, match: $0.isMatch) }; leading = s.leadingEllipsis; trailing = s.trailingEllipsis }
}

struct WaitView: Encodable {
    var text: String, reported: String, old: Bool, overNorm: Bool
    init?(_ w: WaitingTimeReport?, _ req: Request) {
        guard let w else { return nil }
        var t = req.t("sk_wait_aanmeld", ["weeks": String(w.aanmeldWeeks)])
        if let b = w.behandelWeeks { t += " · " + req.t("sk_wait_behandel", ["weeks": String(b)]) }
        text = t
        reported = req.t("sk_wait_reported", ["date": DutchDate.day(w.reportedAt)])
        old = !w.isCurrent(at: req.now)
        overNorm = w.exceedsTreeknorm
    }
}

enum Languages {
    /// Names of the languages providers most often list; others show as their code.
    static let names: [String: (nl: String, en: String)] = [
        "nl": ("Nederlands", "Dutch"), "en": ("Engels", "English"), "ar": ("Arabisch", "Arabic"), "tr": ("Turks", "Turkish"),
        "pl": ("Pools", "Polish"), "de": ("Duits", "German"), "fr": ("Frans", "French"), "es": ("Spaans", "Spanish"),
        "so": ("Somalisch", "Somali"), "ti": ("Tigrinya", "Tigrinya"), "uk": ("Oekraïens", "Ukrainian"), "ru": ("Russisch", "Russian"),
        "fa": ("Perzisch", "Persian"), "zh": ("Chinees", "Chinese"), "pt": ("Portugees", "Portuguese"), "ro": ("Roemeens", "Romanian"),
        "bg": ("Bulgaars", "Bulgarian"), "ku": ("Koerdisch", "Kurdish"), "ur": ("Urdu", "Urdu"), "hi": ("Hindi", "Hindi"),
        "pa": ("Punjabi", "Punjabi"), "ps": ("Pasjtoe", "Pashto"), "it": ("Italiaans", "Italian"), "sr": ("Servisch", "Serbian"),
    ]
    static func label(_ codes: [String], _ locale: Locale.Code) -> String {
        codes.map { c in names[c].map { locale == .nl ? $0.nl : $0.en } ?? c }.joined(separator: ", ")
    }
}

extension Request {
    /// The map's rules for the signed-in user.
    func mapPolicy() throws -> SocialMapPolicy {
        let me = try currentUser()
        return SocialMapPolicy(user: me.user, organisation: me.organisation)
    }

    func mapEditor() throws -> MapEditor { MapEditor(user: try currentUser().user, at: now) }

    var amsterdam: Calendar {
        var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        return c
    }
}

/// The tabs over the professional map pages.
struct MapTabs: Encodable {
    struct Tab: Encodable { var label: String; var path: String; var current: Bool }
    var tabs: [Tab]
    init(_ req: Request, current: SiteURL) {
        var items: [(String, SiteURL)] = [("sk_tab_search", .map), ("sk_tab_upkeep", .mapUpkeep), ("sk_tab_providers", .mapProviders)]
        if (try? req.mapPolicy().keepsWholeMap) == true { items.append(("sk_tab_exchange", .mapImport)) }
        tabs = items.map { Tab(label: req.t($0.0), path: $0.1.path, current: $0.1 == current) }
    }
}
