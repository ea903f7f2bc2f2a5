import Programme
import Testing

@Suite struct ThemeTallyTests {
    let themes = ["Gezondheid", "Wonen", "Werk", "Veiligheid", "Jeugd"]

    /// Hand count: n = 5, so places 1..5 give 4, 3, 2, 1, 0 points.
    @Test func bordaPointsOnHandComputedBallots() throws {
        let ballots = [
            ["Wonen", "Gezondheid", "Werk"],  // Wonen 4, Gezondheid 3, Werk 2
            ["Gezondheid", "Wonen", "Jeugd", "Werk"],  // Gezondheid 4, Wonen 3, Jeugd 2, Werk 1
            ["Werk", "Veiligheid"],  // Werk 4, Veiligheid 3
        ]
        let tally = try ThemeTally.count(candidates: themes, ballots: ballots)
        let points = Dictionary(uniqueKeysWithValues: tally.standings.map { ($0.theme, $0.points) })
        #expect(points == ["Wonen": 7, "Gezondheid": 7, "Werk": 7, "Veiligheid": 3, "Jeugd": 2])
        // Three-way tie at 7 points, each with one first place. Head to head, Gezondheid and Wonen are 1–1 (ballot 3
        // ranks neither), so the order of proposal decides; Werk loses to both 1–2 (below them on ballots 1 and 2).
        #expect(tally.chosen == ["Gezondheid", "Wonen", "Werk", "Veiligheid"])
        #expect(
            tally.ties.contains(
                ThemeTally.Tie(above: "Gezondheid", below: "Wonen", decidedBy: "volgorde van voorstellen")))
        #expect(tally.ties.contains(ThemeTally.Tie(above: "Wonen", below: "Werk", decidedBy: "onderling")))
    }

    /// Participants rank (issue 16). Emmen has three voters who all put A before B, Haarlem one who puts B before A.
    /// Every participant the same: A 3·2 + 1 = 7, B 3·1 + 2 = 5. Every city the same: each Emmen ballot weighs 1/3,
    /// so A 2 + 1 = 3 and B 1 + 2 = 3, first places 1 and 1, head to head 1 and 1: the order of proposal decides
    /// (and 1/3 + 1/3 + 1/3 must count as exactly 1 for that).
    @Test func participantBallotsWeighedPerParticipantOrPerCity() throws {
        let candidates = ["A", "B", "C"]
        let ballots = [["A", "B"], ["A", "B"], ["A", "B"], ["B", "A"]]
        let cities = [1, 1, 1, 2]
        let perParticipant = try ThemeTally.count(
            candidates: candidates, ballots: ballots, weights: BallotWeighting.participant.weights(cities: cities))
        #expect(perParticipant.standings.map(\.points) == [7, 5, 0])
        #expect(perParticipant.ties.isEmpty)
        let perCity = try ThemeTally.count(
            candidates: candidates, ballots: ballots, weights: BallotWeighting.city.weights(cities: cities))
        #expect(perCity.standings.map(\.theme) == ["A", "B", "C"])
        #expect(abs(perCity.standings[0].points - 3) < 1e-9 && abs(perCity.standings[1].points - 3) < 1e-9)
        #expect(perCity.ties == [ThemeTally.Tie(above: "A", below: "B", decidedBy: "volgorde van voorstellen")])
        // The same ballots with the cities' order of proposal reversed: B wins the tie.
        let reversed = try ThemeTally.count(
            candidates: ["B", "A", "C"], ballots: ballots, weights: BallotWeighting.city.weights(cities: cities))
        #expect(reversed.chosen.first == "B")
    }

    @Test func firstPlacesBreakAPointsTie() throws {
        // Veiligheid: 4 + 0 = 4 with one first place; Jeugd: 2 + 2 = 4 with none.
        let tally = try ThemeTally.count(
            candidates: themes, ballots: [["Veiligheid", "Wonen", "Jeugd"], ["Werk", "Gezondheid", "Jeugd"]])
        let veiligheid = tally.standings.first { $0.theme == "Veiligheid" }!
        let jeugd = tally.standings.first { $0.theme == "Jeugd" }!
        #expect(veiligheid.points == 4 && jeugd.points == 4)
        #expect(veiligheid.rank < jeugd.rank)
        #expect(tally.ties.contains(ThemeTally.Tie(above: "Veiligheid", below: "Jeugd", decidedBy: "eerste plaatsen")))
    }

    @Test func badBallotsAreNamed() {
        #expect(throws: ThemeTally.BallotError.unknownTheme(ballot: 2, theme: "Sport")) {
            try ThemeTally.count(candidates: themes, ballots: [["Wonen"], ["Sport"]])
        }
        #expect(throws: ThemeTally.BallotError.duplicate(ballot: 1, theme: "Wonen")) {
            try ThemeTally.count(candidates: themes, ballots: [["Wonen", "Wonen"]])
        }
        #expect(throws: ThemeTally.BallotError.empty(ballot: 1)) {
            try ThemeTally.count(candidates: themes, ballots: [[]])
        }
    }
}

@Suite struct RegistrationRuleTests {
    let annelies = RegistrationRules.Person(
        name: "Annelies", organisation: "Gemeente Emmen", discipline: "wijkregie", involvedInWijkaanpak: true)
    let bram = RegistrationRules.Person(
        name: "Bram", organisation: "Domesta", discipline: "vastgoed", involvedInWijkaanpak: true)
    let chantal = RegistrationRules.Person(
        name: "Chantal", organisation: "Sedna", discipline: "welzijn", involvedInWijkaanpak: true)

    @Test func differentOrganisationsAndDisciplinesAreAccepted() {
        #expect(RegistrationRules.decide(bram, registered: [annelies]) == .accepted)
        #expect(RegistrationRules.decide(chantal, registered: [annelies, bram]) == .accepted)
    }

    @Test func sameOrganisationIsRefusedWithTheRuleExplained() {
        let colleague = RegistrationRules.Person(
            name: "Dirk", organisation: "gemeente  emmen", discipline: "economie", involvedInWijkaanpak: true)
        #expect(
            RegistrationRules.decide(colleague, registered: [annelies, bram])
                == .refused(
                    reason:
                        "Dirk kan niet deelnemen: Annelies is al aangemeld namens Gemeente Emmen. Per stad komen deelnemers uit verschillende organisaties."
                ))
    }

    @Test func sameDisciplineIsRefused() {
        let other = RegistrationRules.Person(
            name: "Eva", organisation: "Lefier", discipline: "Vastgoed", involvedInWijkaanpak: true)
        guard case .refused(let reason) = RegistrationRules.decide(other, registered: [bram]) else {
            Issue.record("accepted"); return
        }
        #expect(reason.contains("verschillende disciplines"))
    }

    @Test func aFourthGoesOnTheWaitingList() {
        let fourth = RegistrationRules.Person(
            name: "Fatima", organisation: "Politie", discipline: "veiligheid", involvedInWijkaanpak: true)
        guard case .waitingList(let reason) = RegistrationRules.decide(fourth, registered: [annelies, bram, chantal])
        else {
            Issue.record("not waitlisted"); return
        }
        #expect(reason.contains("al 3 deelnemers"))
    }

    @Test func onlyPeopleInvolvedInTheWijkaanpak() {
        let outsider = RegistrationRules.Person(
            name: "Gijs", organisation: "Adviesbureau", discipline: "communicatie", involvedInWijkaanpak: false)
        guard case .refused(let reason) = RegistrationRules.decide(outsider, registered: []) else {
            Issue.record("accepted"); return
        }
        #expect(reason.contains("betrokken zijn"))
    }

    @Test func shortfallNote() {
        #expect(
            RegistrationRules.shortfall(registered: 1, city: "Emmen")
                == "Emmen heeft 1 deelnemer aangemeld; het programma verwacht er minstens 2.")
        #expect(RegistrationRules.shortfall(registered: 2, city: "Emmen") == nil)
    }
}

@Suite struct HostRotationTests {
    @Test func warnsWhenAWijkHostsTwiceBeforeOthersHostOnce() {
        let wijken = ["Angelslo", "Meerwijk", "Buitenhof", "Meerzicht"]
        #expect(
            HostRotation.warnings(hosts: ["Angelslo", "Meerwijk", "Angelslo"], participants: wijken)
                == ["Angelslo is 2 keer gastwijk, terwijl Buitenhof, Meerzicht nog geen bijeenkomst ontving."])
        #expect(HostRotation.warnings(hosts: ["Angelslo", "Meerwijk", "Buitenhof"], participants: wijken).isEmpty)
        #expect(HostRotation.warnings(hosts: wijken + ["Angelslo"], participants: wijken).isEmpty)
    }
}
