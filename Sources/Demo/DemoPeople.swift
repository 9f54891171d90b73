import Domain
import Foundation

/// Fictional citizens for the demo: names, birth dates, valid BSNs, help questions — all made up.
public enum DemoPeople {
    static let given = ["Sanne", "Daan", "Emma", "Noah", "Julia", "Lucas", "Mila", "Sem", "Tess", "Finn", "Sophie", "Levi", "Anna", "Mees",
                        "Fleur", "Bram", "Yasmina", "Mohamed", "Fatma", "Ahmet", "Priya", "Kofi", "Olga", "Piotr", "Ingrid", "Henk", "Gerda",
                        "Kees", "Marieke", "Johan", "Naima", "Youssef", "Ayse", "Sevda", "Rik", "Lotte", "Thijs", "Iris", "Ruben", "Eline"]
    static let family = ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer",
                         "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "El Idrissi", "Yilmaz",
                         "Kaya", "Öztürk", "Nowak", "Kowalski", "Boateng", "Ramdin", "Soekhai", "Martens", "Willems", "Kok", "Jacobs", "Post"]
    public static let questions = [
        "Sinds ik mijn baan kwijt ben slaap ik slecht en pieker ik veel over geld.",
        "Ik voel me eenzaam sinds mijn partner is overleden en kom de deur bijna niet meer uit.",
        "Ik heb schulden en durf de post niet meer open te maken. Ik raak in paniek.",
        "Mijn zoon heeft veel problemen op school en thuis lopen we vast. Ik ben op.",
        "Ik heb last van somberheid en weet niet of ik hulp van de GGZ nodig heb.",
        "Na een burn-out lukt het niet om weer aan het werk te gaan.",
        "Ik drink meer dan goed voor me is en wil daar iets aan doen.",
        "Ik heb paniekaanvallen in de supermarkt en in de bus.",
        "Ik mantelzorg voor mijn moeder en het wordt me te veel.",
        "Ik word mogelijk uit huis gezet en kan niet meer slapen.",
        "Sinds de scheiding lukt het niet meer met de rekeningen en ik slaap slecht.",
        "Ik ben gevlucht en heb veel nachtmerries; ik weet niet waar ik heen kan.",
    ]
    public static let strengths = ["Wil graag; goede band met zus", "Houdt van wandelen en de hond", "Actief in de kerk; buren helpen",
                                   "Creatief, maakt muziek", "Heeft een vaste vriendin", "Doorzetter, werkte jaren in de zorg"]
    public static let matters = ["Weer werken", "Mijn kinderen", "Rust in mijn hoofd", "Erbij horen", "Zelf mijn geld regelen", "Gezond blijven"]
    public static let rejectionReasons = ["Wachtlijst te lang; elders sneller plek", "Hulpvraag past niet bij ons aanbod",
                                          "Zorgvraag te zwaar voor basis-GGZ; specialistische GGZ nodig", "Inwoner woont buiten ons werkgebied"]

    public static func name(_ rng: inout SeededGenerator) -> String {
        "\(given.randomElement(using: &rng)!) \(family.randomElement(using: &rng)!)"
    }

    /// A nine-digit number passing the elfproef.
    public static func bsn(_ rng: inout SeededGenerator) -> BSN {
        while true {
            let digits = (0..<8).map { _ in Int.random(in: 0...9, using: &rng) }
            let sum = (0..<8).reduce(0) { $0 + (9 - $1) * digits[$1] }
            let last = sum % 11
            if last <= 9, digits[0] != 0, let b = BSN((digits + [last]).map(String.init).joined()) { return b }
        }
    }

    /// What colleagues write in the pulse's free text (no names).
    public static let pulseRemarks = [
        "De lijnen met het wijkteam zijn korter geworden, dat merk ik elke week.",
        "Wachttijden bij de basis-GGZ blijven lastig uit te leggen aan cliënten.",
        "Het duo-gesprek werkt goed, maar de planning kost veel tijd.",
        "Fijn dat overdrachten nu terugkoppeling geven.",
        "Ik mis soms informatie over wat er na de overdracht gebeurt.",
        "De casuïstiektafel helpt echt bij de vastgelopen situaties.",
    ]
}
