namespace EmergencyWorkflows.Persistence.Outbox;

/// <summary>A message written with a burst and dispatched afterwards; <see cref="Id"/> is the dedup key.</summary>
public sealed class OutboxRecord
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public required string Kind { get; set; }
    public required string PayloadJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
