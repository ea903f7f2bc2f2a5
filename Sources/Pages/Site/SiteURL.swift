import Foundation

/// A link to one of Wijkradar's addresses, with its values: `SiteURL.region("WK011443").path` is
/// "/regio/WK011443". Every case belongs to a `SiteRoute`, whose template the path is filled into, so links and
/// routes cannot drift apart. Form actions use the POST route of the same path.
public enum SiteURL: Hashable, Sendable {
    case home, radar, radarCSV, methodology, stylesheet, sitemap, robots
    case region(String), regionPrint(String), focusArea(String)
    case menuScript, regionXLSX(String), regionCSV(String), regionBrief(String), radarXLSX, compare, compareXLSX
    case compareCSV, focusAreas
    case openAPI, apiKnowledge, apiKnowledgeExport, apiRegion(String), apiKnowledgeRecord(Int)
    case knowledge, knowledgeCSV, knowledgeNew, knowledgeRecord(Int), knowledgeEdit(Int), knowledgeRemove(Int)
    case knowledgeHistory(Int), knowledgeSupport(Int), knowledgeMerge(Int), knowledgeTransfer(Int), knowledgeAttach(Int)
    case knowledgeAttachment(Int, Int), opgaven, research, opgaveComment(Int), opgaveCommentHide(Int, Int)
    case blog, blogFeed, blogNew, blogImage(Int), blogPost(String), blogEdit(String), blogAddImage(String)
    case publications, report(String, String), reportVersion(String, String, Int), reportVersionPrint(
        String, String, Int)
    case reportVersionPDF(String, String, Int), reportConcept(String, String), reportConceptPrint(String, String)
    case reportConceptPDF(String, String), reportConceptText(String, String), reportConceptNote(String, String)
    case reportPublish(String, String)
    case login, logout, invitation(String), profile, passwordChange, forgotPassword, passwordReset(String)
    case admin, adminInvite, adminResetLink(Int), adminCrosswalks, adminCrosswalksDerive
    case adminInvitationResend(String), adminInvitationRevoke(String)
    case adminAccount(Int), adminAccountRole(Int), adminAccountRoleEnd(Int), adminAccountActive(Int), programmeCopy(
        String)
    case programmes, programme(String), programmeCalendar(String), cityAdd(String), city(String, Int)
    case participants(String, Int), participantInvite(String, Int, Int), themes(String), themeVote(String), themeDecide(
        String)
    case themeWeighting(String)
    case meetingNew(String), meeting(String, Int), meetingCalendar(String, Int), meetingEdit(String, Int)
    case meetingParticipantsCSV(String, Int), meetingRegister(String, Int), registrationCancel(String, Int, Int)
    case meetingAttendance(String, Int), meetingReminder(String, Int), meetingOpgave(String, Int), meetingMinutes(
        String, Int)

    /// The route this link is an address of, and the values of its parameters in order.
    public var route: (SiteRoute, [String]) {
        switch self {
        case .home: (.home, [])
        case .radar: (.radar, [])
        case .radarCSV: (.radarCSV, [])
        case .methodology: (.methodology, [])
        case .stylesheet: (.stylesheet, [])
        case .sitemap: (.sitemap, [])
        case .robots: (.robots, [])
        case .region(let code): (.region, [code])
        case .regionPrint(let code): (.regionPrint, [code])
        case .focusArea(let slug): (.focusArea, [slug])
        case .menuScript: (.menuScript, [])
        case .regionXLSX(let code): (.regionXLSX, [code])
        case .regionCSV(let code): (.regionCSV, [code])
        case .regionBrief(let code): (.regionBrief, [code])
        case .radarXLSX: (.radarXLSX, [])
        case .compare: (.compare, [])
        case .compareXLSX: (.compareXLSX, [])
        case .compareCSV: (.compareCSV, [])
        case .focusAreas: (.focusAreas, [])
        case .openAPI: (.openAPI, [])
        case .apiKnowledge: (.apiKnowledge, [])
        case .apiKnowledgeExport: (.apiKnowledgeExport, [])
        case .apiRegion(let code): (.apiRegion, [code])
        case .apiKnowledgeRecord(let id): (.apiKnowledgeRecord, [String(id)])
        case .knowledge: (.knowledge, [])
        case .knowledgeCSV: (.knowledgeCSV, [])
        case .knowledgeNew: (.knowledgeNew, [])
        case .knowledgeRecord(let id): (.knowledgeRecord, [String(id)])
        case .knowledgeEdit(let id): (.knowledgeEdit, [String(id)])
        case .knowledgeRemove(let id): (.knowledgeRemove, [String(id)])
        case .knowledgeHistory(let id): (.knowledgeHistory, [String(id)])
        case .knowledgeSupport(let id): (.knowledgeSupport, [String(id)])
        case .knowledgeMerge(let id): (.knowledgeMerge, [String(id)])
        case .knowledgeTransfer(let id): (.knowledgeTransfer, [String(id)])
        case .knowledgeAttach(let id): (.knowledgeAttach, [String(id)])
        case .knowledgeAttachment(let id, let file): (.knowledgeAttachment, [String(id), String(file)])
        case .opgaveComment(let id): (.opgaveComment, [String(id)])
        case .opgaveCommentHide(let id, let comment): (.opgaveCommentHide, [String(id), String(comment)])
        case .opgaven: (.opgaven, [])
        case .research: (.research, [])
        case .blog: (.blog, [])
        case .blogFeed: (.blogFeed, [])
        case .blogNew: (.blogNew, [])
        case .blogImage(let id): (.blogImage, [String(id)])
        case .blogPost(let slug): (.blogPost, [slug])
        case .blogEdit(let slug): (.blogEdit, [slug])
        case .blogAddImage(let slug): (.blogAddImage, [slug])
        case .publications: (.publications, [])
        case .report(let programme, let report): (.report, [programme, report])
        case .reportVersion(let p, let r, let n): (.reportVersion, [p, r, String(n)])
        case .reportVersionPrint(let p, let r, let n): (.reportVersionPrint, [p, r, String(n)])
        case .reportVersionPDF(let p, let r, let n): (.reportVersionPDF, [p, r, String(n)])
        case .reportConcept(let p, let r): (.reportConcept, [p, r])
        case .reportConceptPrint(let p, let r): (.reportConceptPrint, [p, r])
        case .reportConceptPDF(let p, let r): (.reportConceptPDF, [p, r])
        case .reportConceptText(let p, let r): (.reportConceptText, [p, r])
        case .reportConceptNote(let p, let r): (.reportConceptNote, [p, r])
        case .reportPublish(let p, let r): (.reportPublish, [p, r])
        case .login: (.login, [])
        case .logout: (.logout, [])
        case .invitation(let token): (.invitation, [token])
        case .profile: (.profile, [])
        case .passwordChange: (.passwordChange, [])
        case .forgotPassword: (.forgotPassword, [])
        case .passwordReset(let token): (.passwordReset, [token])
        case .admin: (.admin, [])
        case .adminInvite: (.adminInvite, [])
        case .adminResetLink(let account): (.adminResetLink, [String(account)])
        case .adminAccount(let id): (.adminAccount, [String(id)])
        case .adminAccountRole(let id): (.adminAccountRole, [String(id)])
        case .adminAccountRoleEnd(let id): (.adminAccountRoleEnd, [String(id)])
        case .adminAccountActive(let id): (.adminAccountActive, [String(id)])
        case .programmeCopy(let slug): (.programmeCopy, [slug])
        case .adminInvitationResend(let reference): (.adminInvitationResend, [reference])
        case .adminInvitationRevoke(let reference): (.adminInvitationRevoke, [reference])
        case .adminCrosswalks: (.adminCrosswalks, [])
        case .adminCrosswalksDerive: (.adminCrosswalksDerive, [])
        case .programmes: (.programmes, [])
        case .programme(let p): (.programme, [p])
        case .programmeCalendar(let p): (.programmeCalendar, [p])
        case .cityAdd(let p): (.cityAdd, [p])
        case .city(let p, let c): (.city, [p, String(c)])
        case .participants(let p, let c): (.participants, [p, String(c)])
        case .participantInvite(let p, let c, let person): (.participantInvite, [p, String(c), String(person)])
        case .themes(let p): (.themes, [p])
        case .themeVote(let p): (.themeVote, [p])
        case .themeWeighting(let p): (.themeWeighting, [p])
        case .themeDecide(let p): (.themeDecide, [p])
        case .meetingNew(let p): (.meetingNew, [p])
        case .meeting(let p, let m): (.meeting, [p, String(m)])
        case .meetingCalendar(let p, let m): (.meetingCalendar, [p, String(m)])
        case .meetingEdit(let p, let m): (.meetingEdit, [p, String(m)])
        case .meetingParticipantsCSV(let p, let m): (.meetingParticipantsCSV, [p, String(m)])
        case .meetingRegister(let p, let m): (.meetingRegister, [p, String(m)])
        case .registrationCancel(let p, let m, let r): (.registrationCancel, [p, String(m), String(r)])
        case .meetingAttendance(let p, let m): (.meetingAttendance, [p, String(m)])
        case .meetingReminder(let p, let m): (.meetingReminder, [p, String(m)])
        case .meetingOpgave(let p, let m): (.meetingOpgave, [p, String(m)])
        case .meetingMinutes(let p, let m): (.meetingMinutes, [p, String(m)])
        }
    }

    /// The address: the route's template with the values filled in, each percent-encoded as a path segment.
    public var path: String {
        let (route, values) = self.route
        var next = values.makeIterator()
        let segments = route.template.map { part -> String in
            guard part.hasPrefix(":") else { return part }
            let value = next.next() ?? ""
            return value.addingPercentEncoding(withAllowedCharacters: Self.segment) ?? value
        }
        return "/" + segments.joined(separator: "/")
    }

    /// The address with a query (`?q=…&gemeente=…`), empty values left out, keys in the order given.
    public func path(query: KeyValuePairs<String, String>) -> String { path(query: query.map { ($0.key, $0.value) }) }

    public func path(query: [(String, String)]) -> String {
        let items = query.filter { !$0.1.isEmpty }
            .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: Self.queryValue) ?? $0.1)" }
        return items.isEmpty ? path : path + "?" + items.joined(separator: "&")
    }

    /// The address with a fragment (`#bijlagen`).
    public func path(fragment: String) -> String { path + "#" + fragment }

    static let segment: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        set.insert(charactersIn: "-._~")
        return set
    }()

    static let queryValue = segment
}
