using System.Text.Json.Nodes;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Team;
using static EmergencyWorkflows.Emergency.Tests.Notifications.NotificationSamples;

namespace EmergencyWorkflows.Emergency.Tests.Notifications;

public class WebhookFormatterTests
{
    private static void ShouldBeJson(string actual, string expected)
    {
        var equal = JsonNode.DeepEquals(JsonNode.Parse(actual), JsonNode.Parse(expected));
        equal.Should().BeTrue($"expected {expected}{Environment.NewLine}but got {actual}");
    }

    [Fact]
    public void WeCom_Text_ContentAndMentionLists()
    {
        var json = new WeComWebhookFormatter().Format(For(NotificationChannel.WeCom), new WebhookMentions(["zhangsan"], ["13800001111"]));

        json.Should().Be("""{"msgtype":"text","text":{"content":"INC-7 未响应\n3楼机房断电，5分钟内无人响应\nAcknowledge: https://ew.example.com/ack?token=abc.def","mentioned_list":["zhangsan"],"mentioned_mobile_list":["13800001111"]}}""");
    }

    [Fact]
    public void WeCom_TextWithoutMentions_OmitsTheLists()
    {
        var json = new WeComWebhookFormatter().Format(For(NotificationChannel.WeCom), WebhookMentions.None);

        JsonNode.Parse(json)!["text"]!.AsObject().Select(p => p.Key).Should().Equal("content");
    }

    [Fact]
    public void WeCom_Markdown_ContentWithLinkAndInlineMention()
    {
        var json = new WeComWebhookFormatter(WebhookMessageStyle.Rich).Format(For(NotificationChannel.WeCom), new WebhookMentions(["zhangsan"]));

        ShouldBeJson(json, """
            {"msgtype":"markdown","markdown":{"content":"### INC-7 未响应\n3楼机房断电，5分钟内无人响应\n\n[Acknowledge](https://ew.example.com/ack?token=abc.def)\n<@zhangsan>"}}
            """);
    }

    [Fact]
    public void DingTalk_Text_AtMobilesAndMobileInContent()
    {
        var json = new DingTalkWebhookFormatter().Format(For(NotificationChannel.DingTalk), new WebhookMentions(mobiles: ["13800001111"]));

        json.Should().Be("""{"msgtype":"text","text":{"content":"INC-7 未响应\n3楼机房断电，5分钟内无人响应\nAcknowledge: https://ew.example.com/ack?token=abc.def\n@13800001111"},"at":{"atMobiles":["13800001111"],"atUserIds":[],"isAtAll":false}}""");
    }

    [Fact]
    public void DingTalk_Markdown_TitleTextAndAt()
    {
        var json = new DingTalkWebhookFormatter(WebhookMessageStyle.Rich, "确认响应").Format(For(NotificationChannel.DingTalk), new WebhookMentions(["ding-u1"], ["13800001111"]));

        ShouldBeJson(json, """
            {"msgtype":"markdown",
             "markdown":{"title":"INC-7 未响应","text":"### INC-7 未响应\n3楼机房断电，5分钟内无人响应\n\n[确认响应](https://ew.example.com/ack?token=abc.def)\n@13800001111"},
             "at":{"atMobiles":["13800001111"],"atUserIds":["ding-u1"],"isAtAll":false}}
            """);
    }

    [Fact]
    public void Feishu_Text_MsgTypeAndContentText()
    {
        var json = new FeishuWebhookFormatter().Format(For(NotificationChannel.Feishu), WebhookMentions.None);

        json.Should().Be("""{"msg_type":"text","content":{"text":"INC-7 未响应\n3楼机房断电，5分钟内无人响应\nAcknowledge: https://ew.example.com/ack?token=abc.def"}}""");
    }

    [Fact]
    public void Feishu_TextWithMention_AtElementInText()
    {
        var json = new FeishuWebhookFormatter().Format(For(NotificationChannel.Feishu), new WebhookMentions(["ou_123"]));

        JsonNode.Parse(json)!["content"]!["text"]!.GetValue<string>().Should().EndWith(" <at user_id=\"ou_123\"></at>");
    }

    [Fact]
    public void Feishu_Post_ZhCnTitleAndParagraphs()
    {
        var json = new FeishuWebhookFormatter(WebhookMessageStyle.Rich).Format(For(NotificationChannel.Feishu), new WebhookMentions(["ou_123"]));

        ShouldBeJson(json, """
            {"msg_type":"post","content":{"post":{"zh_cn":{"title":"INC-7 未响应","content":[
              [{"tag":"text","text":"3楼机房断电，5分钟内无人响应"}],
              [{"tag":"a","text":"Acknowledge","href":"https://ew.example.com/ack?token=abc.def"}],
              [{"tag":"at","user_id":"ou_123"}]
            ]}}}}
            """);
    }

    [Fact]
    public void Slack_TextAndBlocks_SectionAndLinkButton()
    {
        var json = new SlackWebhookFormatter().Format(For(NotificationChannel.Slack, "INC-7 unanswered", "Power cut in room 3"), new WebhookMentions(["U024BE7LH"]));

        ShouldBeJson(json, """
            {"text":"INC-7 unanswered: Power cut in room 3 <@U024BE7LH>",
             "blocks":[
               {"type":"section","text":{"type":"mrkdwn","text":"*INC-7 unanswered*\nPower cut in room 3 <@U024BE7LH>"}},
               {"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"Acknowledge"},"url":"https://ew.example.com/ack?token=abc.def","style":"primary"}]}
             ]}
            """);
    }

    [Fact]
    public void Slack_UserTextWithControlCharacters_Escaped()
    {
        var json = new SlackWebhookFormatter().Format(For(NotificationChannel.Slack, "A & B", "<!channel> hi"), WebhookMentions.None);

        JsonNode.Parse(json)!["text"]!.GetValue<string>().Should().Be("A &amp; B: &lt;!channel&gt; hi");
    }

    [Fact]
    public void Generic_AllFieldsAndDedupKey()
    {
        var json = new GenericWebhookFormatter().Format(For(NotificationChannel.GenericWebhook), WebhookMentions.None);

        ShouldBeJson(json, """
            {"incidentId":"INC-7","tier":2,"repetition":1,"recipientId":"r1","channel":"GenericWebhook",
             "subject":"INC-7 未响应","text":"3楼机房断电，5分钟内无人响应",
             "ackUrl":"https://ew.example.com/ack?token=abc.def","dedupKey":"INC-7/2/1/r1/GenericWebhook"}
            """);
    }

    [Fact]
    public void WebhookMentions_ForMember_UsesPlatformAccountAndPhone()
    {
        var member = new TeamMember("r1", "Zhao", "IT", [TeamRoles.Responder],
            new ContactChannels("13800001111", null, new Dictionary<ImPlatform, string> { [ImPlatform.DingTalk] = "ding-u1" }));

        var mentions = WebhookMentions.For(member, ImPlatform.DingTalk);

        mentions.UserIds.Should().Equal("ding-u1");
        mentions.Mobiles.Should().Equal("13800001111");
        WebhookMentions.For(member, ImPlatform.Slack).UserIds.Should().BeEmpty();
    }

    [Theory]
    [InlineData(typeof(WeComWebhookFormatter), NotificationChannel.WeCom)]
    [InlineData(typeof(DingTalkWebhookFormatter), NotificationChannel.DingTalk)]
    [InlineData(typeof(FeishuWebhookFormatter), NotificationChannel.Feishu)]
    [InlineData(typeof(SlackWebhookFormatter), NotificationChannel.Slack)]
    [InlineData(typeof(GenericWebhookFormatter), NotificationChannel.GenericWebhook)]
    public void Channel_EachFormatter_NamesItsPlatform(Type formatterType, NotificationChannel expected)
    {
        var formatter = (IWebhookFormatter)Activator.CreateInstance(formatterType, formatterType.GetConstructors()[0].GetParameters().Select(p => p.DefaultValue).ToArray())!;

        formatter.Channel.Should().Be(expected);
    }
}
