namespace ProcurementPortal.Core.Domain.Procurements;

/// <summary>Whether a bidder may, must or may not attach files to its answer.</summary>
public enum AttachmentRule
{
    None = 1,
    Allowed,
    Required,
}

public enum QuestionType
{
    PassFail = 1,
    Scored,
    InformationOnly,
}

/// <summary>A section of the evaluation model (e.g. "Quality", "Social value"), holding questions.</summary>
public class EvaluationSection : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProcurementId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public List<EvaluationQuestion> Questions { get; set; } = [];
}

public class EvaluationQuestion : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid SectionId { get; set; }
    public int Number { get; set; }
    public required string Text { get; set; }
    public QuestionType Type { get; set; } = QuestionType.Scored;
    /// <summary>Weight in percent of the total score (scored questions only).</summary>
    public decimal Weight { get; set; }
    /// <summary>Lowest acceptable score 0–5; below it the bid is excluded.</summary>
    public int? MinimumScore { get; set; }
    public int? WordLimit { get; set; }
    public AttachmentRule Attachments { get; set; } = AttachmentRule.None;
    /// <summary>What each score 0–5 means for this question (six entries when scored).</summary>
    public List<string> ScoreDescriptors { get; set; } = [];
    /// <summary>Lots the question applies to; empty means every lot.</summary>
    public List<Guid> LotIds { get; set; } = [];
}
