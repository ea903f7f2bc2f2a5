/// Every address Wijkradar answers, as one list: the web app registers its routes from it (method and path
/// template), and pages build their links from `SiteURL`, whose cases map onto these. A link in a page is therefore
/// always an address the app answers; `SiteRouteTests` checks both directions.
public enum SiteRoute: String, CaseIterable, Sendable {
    public enum Method: String, Sendable { case get = "GET", post = "POST" }

    // The wijkanalyse, the radar and the site's own files.
    case home, region, regionPrint, focusArea, radar, radarCSV, methodology, stylesheet, sitemap, robots
    case menuScript, regionXLSX, regionCSV, regionBrief, radarXLSX, compare, compareXLSX, compareCSV
    case focusAreas, focusAreaCreate
    // The JSON API.
    case health, metrics, openAPI, apiDatasets, apiRegions, apiRegion, apiRegionProfile, apiRegionSimilar,
        apiRegionSignals,
        apiRadar
    case apiKnowledge, apiKnowledgeExport, apiKnowledgeRecord
    // The knowledge base.
    case knowledge, knowledgeCSV, knowledgeRecord, knowledgeNew, knowledgeCreate, knowledgeEdit, knowledgeUpdate
    case knowledgeRemove, knowledgeHistory, knowledgeSupport, knowledgeMerge, knowledgeTransfer, knowledgeAttach
    case knowledgeAttachment, opgaven, research, researchCreate, opgaveComment, opgaveCommentHide
    // Blog and news.
    case blog, blogFeed, blogNew, blogCreate, blogImage, blogPost, blogEdit, blogUpdate, blogAddImage
    // Publications.
    case publications, report, reportVersion, reportVersionPrint, reportVersionPDF, reportConcept, reportConceptPrint
    case reportConceptPDF, reportConceptStart, reportConceptText, reportConceptNote, reportPublish
    // Accounts and administration.
    case login, loginSubmit, logout, invitation, invitationAccept, profile, profileSave, passwordChange
    case forgotPassword, forgotPasswordSubmit, passwordReset, passwordResetSubmit, admin, adminInvite, adminResetLink
    case adminCrosswalks, adminCrosswalksDerive, adminInvitationResend, adminInvitationRevoke
    case adminAccount, adminAccountRole, adminAccountRoleEnd, adminAccountActive, programmeCopy
    // The kennisprogramma.
    case programmes, programmeCreate, programme, programmeCalendar, cityAdd, city, cityEdit, participants
    case participantSave, participantInvite, themes, themeAdd, themeVote, themeDecide, themeWeighting
    case meetingNew, meetingCreate, meeting, meetingCalendar, meetingEdit, meetingUpdate, meetingParticipantsCSV
    case meetingRegister, registrationCancel, meetingAttendance, meetingReminder, meetingOpgave, meetingMinutes

    public var method: Method {
        switch self {
        case .knowledgeCreate, .knowledgeUpdate, .knowledgeRemove, .knowledgeSupport, .knowledgeMerge,
            .opgaveComment, .opgaveCommentHide,
            .knowledgeTransfer,
            .knowledgeAttach, .researchCreate, .blogCreate, .blogUpdate, .blogAddImage, .reportConceptStart,
            .reportConceptText, .reportConceptNote, .reportPublish, .loginSubmit, .logout, .invitationAccept,
            .profileSave,
            .passwordChange, .forgotPasswordSubmit, .passwordResetSubmit, .adminInvite, .adminResetLink,
            .adminCrosswalks, .adminCrosswalksDerive, .focusAreaCreate, .adminInvitationResend,
            .adminInvitationRevoke, .adminAccountRole, .adminAccountRoleEnd, .adminAccountActive, .programmeCopy,
            .themeWeighting,
            .programmeCreate,
            .cityAdd, .cityEdit, .participantSave, .participantInvite, .themeAdd, .themeVote, .themeDecide,
            .meetingCreate,
            .meetingUpdate, .meetingRegister, .registrationCancel, .meetingAttendance, .meetingReminder, .meetingOpgave,
            .meetingMinutes:
            .post
        default:
            .get
        }
    }

    /// The path as constants and `:parameters`, as the router reads it.
    public var template: [String] {
        let programme = ["programma", ":programme"], meeting = programme + ["bijeenkomst", ":meeting"]
        let report = ["publicaties", ":programme", ":report"], api = ["api", "v1"]
        switch self {
        case .home: return []
        case .region: return ["regio", ":code"]
        case .regionPrint: return ["regio", ":code", "afdruk"]
        case .focusArea: return ["gebied", ":slug"]
        case .radar: return ["radar"]
        case .radarCSV: return ["radar.csv"]
        case .methodology: return ["methode"]
        case .stylesheet: return ["static", "wijkradar.css"]
        case .menuScript: return ["static", "menu.js"]
        case .regionXLSX: return ["regio", ":code", "cijfers.xlsx"]
        case .regionCSV: return ["regio", ":code", "cijfers.csv"]
        case .regionBrief: return ["regio", ":code", "wijkanalyse.pdf"]
        case .radarXLSX: return ["radar.xlsx"]
        case .compare: return ["vergelijk"]
        case .compareXLSX: return ["vergelijk.xlsx"]
        case .compareCSV: return ["vergelijk.csv"]
        case .focusAreas, .focusAreaCreate: return ["beheer", "focusgebieden"]
        case .sitemap: return ["sitemap.xml"]
        case .robots: return ["robots.txt"]
        case .health: return ["health"]
        case .metrics: return ["metrics"]
        case .openAPI: return api + ["openapi.json"]
        case .apiDatasets: return api + ["datasets"]
        case .apiRegions: return api + ["regions"]
        case .apiRegion: return api + ["regions", ":code"]
        case .apiRegionProfile: return api + ["regions", ":code", "profile"]
        case .apiRegionSimilar: return api + ["regions", ":code", "similar"]
        case .apiRegionSignals: return api + ["regions", ":code", "signals"]
        case .apiRadar: return api + ["radar"]
        case .apiKnowledge: return api + ["knowledge"]
        case .apiKnowledgeExport: return api + ["knowledge", "export"]
        case .apiKnowledgeRecord: return api + ["knowledge", ":id"]
        case .knowledge: return ["kennis"]
        case .knowledgeCSV: return ["kennis", "export.csv"]
        case .knowledgeRecord: return ["kennis", ":id"]
        case .knowledgeNew, .knowledgeCreate: return ["kennis", "nieuw"]
        case .knowledgeEdit, .knowledgeUpdate: return ["kennis", ":id", "bewerken"]
        case .knowledgeRemove: return ["kennis", ":id", "verwijderen"]
        case .knowledgeHistory: return ["kennis", ":id", "geschiedenis"]
        case .knowledgeSupport: return ["kennis", ":id", "steun"]
        case .opgaveComment: return ["kennis", ":id", "reacties"]
        case .opgaveCommentHide: return ["kennis", ":id", "reacties", ":comment", "verbergen"]
        case .knowledgeMerge: return ["kennis", ":id", "samenvoegen"]
        case .knowledgeTransfer: return ["kennis", ":id", "overdracht"]
        case .knowledgeAttach: return ["kennis", ":id", "bijlagen"]
        case .knowledgeAttachment: return ["kennis", ":id", "bijlage", ":attachment"]
        case .opgaven: return ["opgaven"]
        case .research, .researchCreate: return ["onderzoek"]
        case .blog: return ["blog"]
        case .blogFeed: return ["blog", "feed.xml"]
        case .blogNew, .blogCreate: return ["blog", "nieuw"]
        case .blogImage: return ["blog", "afbeelding", ":image"]
        case .blogPost: return ["blog", ":slug"]
        case .blogEdit, .blogUpdate: return ["blog", ":slug", "bewerken"]
        case .blogAddImage: return ["blog", ":slug", "afbeeldingen"]
        case .publications: return ["publicaties"]
        case .report: return report
        case .reportVersion: return report + ["versie", ":number"]
        case .reportVersionPrint: return report + ["versie", ":number", "afdruk"]
        case .reportVersionPDF: return report + ["versie", ":number", "pdf"]
        case .reportConcept, .reportConceptStart: return report + ["concept"]
        case .reportConceptPrint: return report + ["concept", "afdruk"]
        case .reportConceptPDF: return report + ["concept", "pdf"]
        case .reportConceptText: return report + ["concept", "tekst"]
        case .reportConceptNote: return report + ["concept", "notitie"]
        case .reportPublish: return report + ["concept", "publiceren"]
        case .login, .loginSubmit: return ["inloggen"]
        case .logout: return ["uitloggen"]
        case .invitation, .invitationAccept: return ["uitnodiging", ":token"]
        case .profile, .profileSave: return ["profiel"]
        case .passwordChange: return ["profiel", "wachtwoord"]
        case .forgotPassword, .forgotPasswordSubmit: return ["wachtwoord-vergeten"]
        case .passwordReset, .passwordResetSubmit: return ["wachtwoord", ":token"]
        case .admin: return ["beheer"]
        case .adminInvite: return ["beheer", "uitnodigingen"]
        case .adminResetLink: return ["beheer", "account", ":account", "herstellink"]
        case .adminCrosswalks: return ["beheer", "omrekentabellen"]
        case .adminInvitationResend: return ["beheer", "uitnodigingen", ":invitation", "opnieuw"]
        case .adminAccount: return ["beheer", "account", ":account"]
        case .adminAccountRole: return ["beheer", "account", ":account", "rol"]
        case .adminAccountRoleEnd: return ["beheer", "account", ":account", "rol", "einde"]
        case .adminAccountActive: return ["beheer", "account", ":account", "actief"]
        case .programmeCopy: return programme + ["kopieren"]
        case .adminInvitationRevoke: return ["beheer", "uitnodigingen", ":invitation", "intrekken"]
        case .adminCrosswalksDerive: return ["beheer", "omrekentabellen", "afleiden"]
        case .programmes, .programmeCreate: return ["programma"]
        case .programme: return programme
        case .programmeCalendar: return programme + ["agenda.ics"]
        case .cityAdd: return programme + ["steden"]
        case .city, .cityEdit: return programme + ["stad", ":city"]
        case .participants, .participantSave: return programme + ["stad", ":city", "deelnemers"]
        case .participantInvite: return programme + ["stad", ":city", "deelnemers", ":participant", "uitnodigen"]
        case .themes, .themeAdd: return programme + ["themas"]
        case .themeVote: return programme + ["themas", "stem"]
        case .themeDecide: return programme + ["themas", "besluit"]
        case .themeWeighting: return programme + ["themas", "weging"]
        case .meetingNew, .meetingCreate: return programme + ["bijeenkomst", "nieuw"]
        case .meeting: return meeting
        case .meetingCalendar: return meeting + ["agenda.ics"]
        case .meetingEdit, .meetingUpdate: return meeting + ["bewerken"]
        case .meetingParticipantsCSV: return meeting + ["deelnemers.csv"]
        case .meetingRegister: return meeting + ["aanmeldingen"]
        case .registrationCancel: return meeting + ["aanmeldingen", ":registration", "afmelden"]
        case .meetingAttendance: return meeting + ["aanwezigheid"]
        case .meetingReminder: return meeting + ["herinnering"]
        case .meetingOpgave: return meeting + ["opgaven"]
        case .meetingMinutes: return meeting + ["verslag"]
        }
    }

    /// The names of the route's parameters, in order.
    public var parameters: [String] { template.filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) } }
}
