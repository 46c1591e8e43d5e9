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

    public static TransitionResult Cancel(Procurement p, TransitionActor actor) =>
        Move(p, actor, ProcurementState.Cancelled,
            Enum.GetValues<ProcurementState>().Where(s => s < ProcurementState.Awarded).ToArray(), officerOnly: true, []);

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
