import Domain
import Foundation

/// Fictional, pseudonymised case summaries for the demo's casuïstiektafels: no names, numbers, dates or
/// places that identify anyone — the way professionals are asked to write them.
public enum DemoCases {
    public struct Summary: Sendable {
        public var situation: String
        public var tried: String
        public var question: String
    }

    public static let summaries: [Summary] = [
        .init(situation: "Mevrouw woont alleen, heeft forse schulden en opent haar post niet meer. Ze slaapt slecht, piekert veel en heeft de afgelopen maanden twee keer de huisarts gebeld met paniekklachten.",
              tried: "Budgetcoaching via het wijkteam is twee keer gestart en gestopt. Kortdurende begeleiding door de POH-GGZ hielp tijdelijk.",
              question: "Is er eerst schuldhulp nodig of eerst behandeling van de angst? Wie kan haar de komende maanden vasthouden?"),
        .init(situation: "Jongeman van begin twintig, gestopt met zijn mbo-opleiding, zit vooral op zijn kamer en gamet 's nachts. Ouders maken zich zorgen over somberheid en cannabisgebruik.",
              tried: "Twee gesprekken met de POH-GGZ; een aanmelding bij de basis-GGZ kwam niet tot stand omdat hij niet verscheen.",
              question: "Hoe krijgen we contact met hem zonder dat hij afhaakt? Past een outreachende aanpak via het jongerenwerk?"),
        .init(situation: "Meneer is na het overlijden van zijn partner sterk vereenzaamd, eet onregelmatig en drinkt meer. Hij heeft lichte geheugenklachten en weigert thuiszorg.",
              tried: "Huisbezoek door de POH-ouderen; hij wilde geen dagbesteding. Een buurvrouw komt af en toe langs.",
              question: "Wat kan helpen om hem weer onder de mensen te krijgen? Is diagnostiek van de geheugenklachten nu zinvol?"),
        .init(situation: "Alleenstaande moeder met drie kinderen, uitgeput, woont in een te kleine woning met schimmel. Ze heeft een trauma-achtergrond en reageert heftig op instanties.",
              tried: "Het wijkteam ondersteunt bij de woningzoektocht. Een verwijzing naar traumabehandeling is besproken maar ze durft niet.",
              question: "Hoe combineren we de praktische hulp met de psychische klachten, en wie houdt de regie?"),
        .init(situation: "Vrouw van middelbare leeftijd met langdurige somberheid, veel lichamelijke klachten zonder duidelijke oorzaak en frequente bezoeken aan de praktijk.",
              tried: "Meerdere verwijzingen naar specialisten zonder bevinding. Een online zelfhulpprogramma heeft ze niet afgemaakt.",
              question: "Is dit een vraag voor de GGZ of juist voor het sociaal domein? Hoe voorkomen we nog meer medicalisering?"),
        .init(situation: "Statushouder, sinds twee jaar in de wijk, heeft nachtmerries en concentratieproblemen waardoor de taalles niet lukt. Werkt mee maar vertrouwt hulpverleners moeilijk.",
              tried: "Gesprekken met de POH-GGZ via een tolk. Maatschappelijke begeleiding loopt via de gemeente.",
              question: "Waar kan hij terecht voor traumazorg met aandacht voor cultuur en taal, en hoe lang is de wachttijd?"),
        .init(situation: "Jonge vrouw met wisselende stemmingen, zelfbeschadiging in het verleden en een wisselend netwerk. Ze dreigt haar kamer te verliezen door huurachterstand.",
              tried: "Kortdurende behandeling in de basis-GGZ is afgerond. Begeleiding door het wijkteam is net gestart.",
              question: "Heeft zij specialistische GGZ nodig of is stabiliteit in wonen en geld nu de eerste stap?"),
        .init(situation: "Man van rond de vijftig, na een burn-out al lange tijd thuis, conflicten met de werkgever en spanningen in het gezin. Hij voelt zich een mislukking.",
              tried: "Begeleiding door de bedrijfsarts en twee gesprekken bij de POH-GGZ.",
              question: "Welke combinatie van re-integratie, gezinsondersteuning en eventueel behandeling past hier?"),
        .init(situation: "Mantelzorger die al jaren zorgt voor een ouder met dementie, slaapt slecht, is prikkelbaar en heeft gedachten dat het leven zo geen zin heeft.",
              tried: "Respijtzorg is aangevraagd maar nog niet geregeld. De huisarts heeft een gesprek over suïcidaliteit gevoerd; er is geen acuut gevaar.",
              question: "Hoe regelen we snel ontlasting, en wie volgt de somberheid de komende weken op?"),
        .init(situation: "Jongvolwassene met autisme en angst, woont nog thuis, kan geen stage vinden en raakt steeds meer geïsoleerd. Ouders zijn op.",
              tried: "Eerdere jeugdhulp is bij achttien jaar gestopt. Een aanvraag voor begeleiding loopt.",
              question: "Hoe overbruggen we de overgang van jeugd naar volwassenenzorg, en is een ervaringsdeskundige hier van waarde?"),
        .init(situation: "Vrouw met overmatig alcoholgebruik, schulden en een partner die haar kleineert. Ze wil wel veranderen maar zegt afspraken vaak af.",
              tried: "Motiverende gesprekken bij de POH-GGZ. Verwijzing naar verslavingszorg is afgehouden.",
              question: "Hoe kunnen we haar motivatie benutten en tegelijk de veiligheid thuis in beeld brengen?"),
        .init(situation: "Oudere meneer met een psychiatrische voorgeschiedenis, recent verward gedrag in de buurt en klachten van buren. Hij zorgt slecht voor zichzelf.",
              tried: "De wijkagent en het wijkteam zijn langs geweest; hij laat niemand binnen. Geen actuele behandelaar.",
              question: "Wie kan outreachend contact leggen, en wanneer is een beoordeling door de specialistische GGZ nodig?"),
        .init(situation: "Student met paniekaanvallen en perfectionisme, studievertraging en geldzorgen door een stopgezette studiefinanciering.",
              tried: "Zelfhulpmodule en twee gesprekken met een studentendecaan.",
              question: "Is kortdurende behandeling nodig, of eerst hulp bij geld en studieplanning?"),
        .init(situation: "Gezin waarin vader psychische klachten heeft en moeder de financiën niet overziet. Een kind verzuimt vaak van school.",
              tried: "Schoolmaatschappelijk werk is betrokken. Het gezin heeft eerder hulp afgewezen.",
              question: "Hoe komen we tot één plan voor het hele gezin, met één vast aanspreekpunt?"),
        .init(situation: "Jonge man met psychotische klachten in het verleden, nu gestopt met medicatie, verliest grip op zijn dag en zijn baantje.",
              tried: "Na ontslag uit de specialistische GGZ was er één controle bij de huisarts.",
              question: "Moet de specialistische GGZ opnieuw betrokken worden, of past eerst begeleiding met een ervaringsdeskundige?"),
        .init(situation: "Vrouw met chronische pijn en somberheid na een ongeval, sociaal teruggetrokken, weinig inkomen en veel formulieren die blijven liggen.",
              tried: "Fysiotherapie en een pijnpoli; het wijkteam heeft één keer geholpen met formulieren.",
              question: "Hoe kan het steuncentrum of een maatje helpen om weer mee te doen, naast de medische zorg?"),
    ]

    public static let advice = [
        "Begin met de praktische stress: schuldhulp met een vaste contactpersoon, daarna pas behandeling overwegen.",
        "Een ervaringsdeskundige kan het eerste contact leggen; dat verlaagt de drempel.",
        "Plan een gezamenlijk huisbezoek van wijkteam en POH, zodat er één gezicht is.",
        "Overweeg de inloop van het steuncentrum als tussenstap; er zijn daar vaste dagen.",
        "Laat de huisarts de somberheid over vier weken opnieuw beoordelen met een korte vragenlijst.",
        "Onze wachttijd voor intake is nu ongeveer vier weken; een consultatie kan sneller.",
        "Spreek af wie de regie houdt en leg dat vast in het plan; nu zijn er te veel partijen.",
        "Bied een maatjesproject aan; dat sluit aan bij wat hij zelf belangrijk vindt.",
    ]

    public static let outcomes = [
        "De tafel adviseert eerst rust in geld en wonen via het wijkteam, met wekelijkse check-in door de POH. Over zes weken opnieuw bekijken of behandeling nodig is.",
        "Advies: outreachend contact via een ervaringsdeskundige, daarna een laagdrempelig gesprek in de basis-GGZ.",
        "De tafel ziet geen indicatie voor specialistische GGZ. Advies: steuncentrum en maatje, huisarts volgt de stemming.",
        "Advies: één regisseur vanuit het wijkteam en een gezinsplan; de POH blijft betrokken voor de psychische klachten.",
    ]

    public static let takeovers = [
        "De organisatie neemt de cliënt over voor begeleiding en plant binnen twee weken een eerste gesprek.",
        "Overname voor kortdurende behandeling; intake binnen drie weken, de huisarts krijgt bericht.",
        "Het wijkteam neemt de regie en start met schuldhulp en een gezinsplan.",
    ]
}
