using System.Text;
using EmergencyWorkflows.Emergency.Notifications;

namespace EmergencyWorkflows.Emergency.Tests.Notifications;

public class AckLinkSignerTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef");
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly AckLinkSigner Signer = new(Key);

    [Fact]
    public void Verify_FreshToken_ValidWithClaims()
    {
        var token = Signer.CreateToken("INC-7", "r1", Now.AddHours(1));

        var result = Signer.Verify(token, Now);

        result.Should().Be(new AckLinkVerification(AckLinkStatus.Valid, "INC-7", "r1", Now.AddHours(1)));
    }

    [Fact]
    public void Verify_AtOrAfterExpiry_Expired()
    {
        var token = Signer.CreateToken("INC-7", "r1", Now.AddHours(1));

        Signer.Verify(token, Now.AddHours(1).AddSeconds(-1)).Status.Should().Be(AckLinkStatus.Valid);
        Signer.Verify(token, Now.AddHours(1)).Status.Should().Be(AckLinkStatus.Expired);
        Signer.Verify(token, Now.AddDays(3)).IncidentId.Should().Be("INC-7");
    }

    [Fact]
    public void Verify_PayloadSwappedForAnotherMembers_Tampered()
    {
        var mine = Signer.CreateToken("INC-7", "r1", Now.AddHours(1));
        var theirs = Signer.CreateToken("INC-7", "r2", Now.AddHours(1));
        var forged = theirs.Split('.')[0] + "." + mine.Split('.')[1];

        Signer.Verify(forged, Now).Should().Be(new AckLinkVerification(AckLinkStatus.Tampered, null, null, null));
    }

    [Fact]
    public void Verify_OneCharacterChanged_Tampered()
    {
        var token = Signer.CreateToken("INC-7", "r1", Now.AddHours(1));
        var chars = token.ToCharArray();
        chars[3] = chars[3] == 'A' ? 'B' : 'A';

        Signer.Verify(new string(chars), Now).Status.Should().Be(AckLinkStatus.Tampered);
    }

    [Fact]
    public void Verify_SignedWithAnotherKey_Tampered()
    {
        var other = new AckLinkSigner(Encoding.ASCII.GetBytes("another key that is 32 bytes lng"));
        var token = other.CreateToken("INC-7", "r1", Now.AddHours(1));

        Signer.Verify(token, Now).Status.Should().Be(AckLinkStatus.Tampered);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData(".sig")]
    [InlineData("payload.")]
    [InlineData("a.b.c")]
    [InlineData("!!!.???")]
    public void Verify_Malformed_Tampered(string? token)
    {
        Signer.Verify(token, Now).Status.Should().Be(AckLinkStatus.Tampered);
    }

    [Fact]
    public void CreateToken_Output_IsUrlSafe()
    {
        var token = Signer.CreateToken("事件/7?&=", "成员 1", Now.AddHours(1));

        token.Should().MatchRegex("^[A-Za-z0-9_.-]+$");
        Signer.Verify(token, Now).IncidentId.Should().Be("事件/7?&=");
    }

    [Fact]
    public void CreateLink_BaseWithAndWithoutQuery_AppendsTokenParameter()
    {
        var plain = Signer.CreateLink(new Uri("https://ew.example.com/ack"), "INC-7", "r1", Now.AddHours(1));
        var withQuery = Signer.CreateLink(new Uri("https://ew.example.com/ack?lang=zh"), "INC-7", "r1", Now.AddHours(1));

        plain.AbsoluteUri.Should().StartWith("https://ew.example.com/ack?token=");
        withQuery.AbsoluteUri.Should().StartWith("https://ew.example.com/ack?lang=zh&token=");
        var token = plain.Query["?token=".Length..];
        Signer.Verify(token, Now).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Constructor_ShortKey_Throws()
    {
        var act = () => new AckLinkSigner(new byte[16]);

        act.Should().Throw<ArgumentException>().WithMessage("*at least 32 bytes*");
    }
}
