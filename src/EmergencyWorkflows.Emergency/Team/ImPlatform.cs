namespace EmergencyWorkflows.Emergency.Team;

/// <summary>The instant-messaging platforms a team member can be reached on.</summary>
public enum ImPlatform
{
    WeCom,
    DingTalk,
    Feishu,
    Slack,
}
