import Core

/// What a viewer may do with the programme's own records (participants, meetings); who a viewer is lives in Core.
extension Viewer {
    /// A participant's own registrations and profile; coordinators and staff as above.
    public func mayAct(for participant: Participant) -> Bool {
        mayManage(city: participant.cityID) || participantIDs.contains(participant.id)
    }

    /// Unpublished meetings, tallies, participant lists and the audit log.
    public var mayRunProgramme: Bool { isStaff }

    public func maySee(_ meeting: Meeting) -> Bool { meeting.published || isStaff }
}
