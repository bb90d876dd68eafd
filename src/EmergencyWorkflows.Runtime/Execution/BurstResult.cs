using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>The outcome of one burst: the instance after it, the outbox messages it produced and the bookmarks it created (still pending).</summary>
public sealed record BurstResult(WorkflowInstance Instance, IReadOnlyList<OutboxMessage> Outbox, IReadOnlyList<Bookmark> NewBookmarks);
