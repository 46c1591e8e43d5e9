namespace ProcurementPortal.Core.Domain.Procurements;

/// <summary>Who is asking for a transition: a member's roles in the tenant, or a scheduled job.</summary>
public sealed record TransitionActor(IReadOnlyCollection<Role> Roles, bool IsSystem = false)
{
    public static readonly TransitionActor System = new([], true);

    public bool IsOfficer => Roles.Contains(Role.ProcurementOfficer);
}

public sealed record TransitionResult(bool Succeeded, ProcurementState From, ProcurementState To, IReadOnlyList<(string Field, string Message)> Problems)
{
    public bool Changed => Succeeded && From != To;
}

/// <summary>
/// The only place a procurement's state changes (ARCHITECTURE.md "The lifecycle as a state machine").
/// Each transition states who may make it and what must be true; callers audit the result.
/// </summary>
public static class ProcurementLifecycle
{
    public static TransitionResult StartMarketEngagement(Procurement p, TransitionActor actor) =>
        Move(p, actor, ProcurementState.MarketEngagement, [ProcurementState.Draft], officerOnly: true, []);

    /// <summary>Publishing the tender: every readiness problem is reported at once and nothing changes.</summary>
    public static TransitionResult Publish(Procurement p, TransitionActor actor, DateTime utcNow)
    {
        var result = Move(p, actor, ProcurementState.TenderOpen, [ProcurementState.Draft, ProcurementState.MarketEngagement],
            officerOnly: true, PublishReadiness.Problems(p, utcNow));
        if (result.Changed)
        {
            p.PublishedAt = utcNow;
        }
        return result;
    }

    /// <summary>
    /// Closing submissions at the deadline (the scheduled job, or an officer once it has passed). Idempotent: a second
    /// run finds the procurement already closed and succeeds without change.
    /// </summary>
    public static TransitionResult CloseSubmissions(Procurement p, TransitionActor actor, DateTime utcNow)
    {
        if (p.State == ProcurementState.SubmissionsClosed)
        {
            return new TransitionResult(true, p.State, p.State, []);
        }
        IReadOnlyList<(string, string)> problems = p.SubmissionDeadline is { } deadline && deadline <= utcNow
            ? []
            : [("SubmissionDeadline", "Submissions cannot close before the submission deadline")];
        return Move(p, actor, ProcurementState.SubmissionsClosed, [ProcurementState.TenderOpen], officerOnly: true, problems, systemMay: true);
    }

    /// <summary>
    /// The formal opening (PCR 2015 reg. 22): only after submissions closed, and only on the confirmation of a second
    /// procurement officer different from the first. The caller records both confirmations.
    /// </summary>
    public static TransitionResult Open(Procurement p, TransitionActor actor, Guid firstOfficer, Guid secondOfficer)
    {
        IReadOnlyList<(string, string)> problems = firstOfficer == secondOfficer
            ? [("Officer", "A second procurement officer, not the one who confirmed first, must confirm the opening")]
            : [];
        return Move(p, actor, ProcurementState.Opened, [ProcurementState.SubmissionsClosed], officerOnly: true, problems);
    }

    /// <summary>An evaluation panel is appointed: the bids go to the evaluators.</summary>
    public static TransitionResult StartEvaluation(Procurement p, TransitionActor actor) =>
        Move(p, actor, ProcurementState.Evaluation, [ProcurementState.Opened], officerOnly: true, []);

    /// <summary>Every evaluator has submitted their scores (the system moves it on the last submission).</summary>
    public static TransitionResult StartModeration(Procurement p, TransitionActor actor, bool everyEvaluatorSubmitted) =>
        Move(p, actor, ProcurementState.Moderation, [ProcurementState.Evaluation], officerOnly: true,
            everyEvaluatorSubmitted ? [] : [("Scores", "Every evaluator must submit their scores before moderation")], systemMay: true);

    /// <summary>The moderated ranking is published as the award recommendation; problems are what is still missing.</summary>
    public static TransitionResult RecommendAward(Procurement p, TransitionActor actor, IReadOnlyList<(string, string)> missing) =>
        Move(p, actor, ProcurementState.AwardRecommended, [ProcurementState.Moderation], officerOnly: false, missing);

    /// <summary>
    /// An approver approves the recommended award. Segregation of duties: the caller passes what disqualifies this
    /// approver (they evaluated, moderated or recommended it).
    /// </summary>
    public static TransitionResult ApproveAward(Procurement p, TransitionActor actor, IReadOnlyList<(string, string)> disqualified) =>
        Move(p, actor, ProcurementState.AwardApproved, [ProcurementState.AwardRecommended], officerOnly: false,
            [.. ApproverProblems(actor), .. disqualified]);

    /// <summary>An approver rejects the recommendation: it goes back to moderation to be revisited.</summary>
    public static TransitionResult RejectAward(Procurement p, TransitionActor actor, IReadOnlyList<(string, string)> disqualified) =>
        Move(p, actor, ProcurementState.Moderation, [ProcurementState.AwardRecommended], officerOnly: false,
            [.. ApproverProblems(actor), .. disqualified]);

    /// <summary>The contract award notice is published after every letter was sent: the standstill begins.</summary>
    public static TransitionResult StartStandstill(Procurement p, TransitionActor actor, bool lettersSent) =>
        Move(p, actor, ProcurementState.Standstill, [ProcurementState.AwardApproved], officerOnly: true,
            lettersSent ? [] : [("Letters", "Send the letters to every bidder before publishing the contract award notice")]);

    /// <summary>The standstill has ended without a challenge: the award is made. Idempotent once awarded.</summary>
    public static TransitionResult CompleteStandstill(Procurement p, TransitionActor actor, DateTime utcNow, DateTime? endsAt, bool challenged)
    {
        if (p.State == ProcurementState.Awarded)
        {
            return new TransitionResult(true, p.State, p.State, []);
        }
        var problems = new List<(string, string)>();
        if (endsAt is not { } end || end > utcNow)
        {
            problems.Add(("StandstillEndsAt", "The standstill period has not ended"));
        }
        if (challenged)
        {
            problems.Add(("Challenge", "A challenge has been recorded: the award waits until it is resolved"));
        }
        return Move(p, actor, ProcurementState.Awarded, [ProcurementState.Standstill], officerOnly: true, problems, systemMay: true);
    }

    private static IReadOnlyList<(string, string)> ApproverProblems(TransitionActor actor) =>
        actor.Roles.Contains(Role.Approver) ? [] : [("Role", "Only an approver can decide an award")];

    /// <summary>
    /// An officer cancels the procurement before the award (PA 2023 s.55: a procurement termination notice states
    /// it); the reason is kept with the time, told to the providers and published in the open data.
    /// </summary>
    public static TransitionResult Cancel(Procurement p, TransitionActor actor, DateTime utcNow, string reason)
    {
        IReadOnlyList<(string, string)> problems = string.IsNullOrWhiteSpace(reason)
            ? [("Reason", "Enter the reason for cancelling the procurement")]
            : [];
        var result = Move(p, actor, ProcurementState.Cancelled,
            Enum.GetValues<ProcurementState>().Where(s => s < ProcurementState.Awarded).ToArray(), officerOnly: true, problems);
        if (result.Changed)
        {
            p.CancelledAt = utcNow;
            p.CancellationReason = reason.Trim();
        }
        return result;
    }

    private static TransitionResult Move(
        Procurement p, TransitionActor actor, ProcurementState to, IReadOnlyCollection<ProcurementState> from,
        bool officerOnly, IReadOnlyList<(string, string)> problems, bool systemMay = false)
    {
        var all = new List<(string, string)>();
        if (!from.Contains(p.State))
        {
            all.Add(("State", $"A procurement that is {Describe(p.State)} cannot become {Describe(to)}"));
        }
        if (officerOnly && !actor.IsOfficer && !(systemMay && actor.IsSystem))
        {
            all.Add(("Role", "Only a procurement officer can do this"));
        }
        all.AddRange(problems);
        if (all.Count > 0)
        {
            return new TransitionResult(false, p.State, p.State, all);
        }
        var previous = p.State;
        p.State = to;
        return new TransitionResult(true, previous, to, []);
    }

    public static string Describe(ProcurementState state) => state switch
    {
        ProcurementState.MarketEngagement => "in market engagement",
        ProcurementState.TenderOpen => "open for tenders",
        ProcurementState.SubmissionsClosed => "closed for submissions",
        ProcurementState.AwardRecommended => "awaiting award approval",
        ProcurementState.AwardApproved => "approved for award",
        _ => state.ToString().ToLowerInvariant(),
    };
}
