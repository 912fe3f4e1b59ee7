namespace OneArmDesigner.Data.Entities;

/// <summary>A follower's answer to one question; answering again replaces it.</summary>
public sealed class ClassroomAnswerEntity
{
    public long Id { get; set; }

    public required string Code { get; set; }

    public int QuestionNumber { get; set; }

    public required string ConnectionId { get; set; }

    public required string Choice { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }
}
