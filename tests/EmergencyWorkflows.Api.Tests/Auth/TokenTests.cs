using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EmergencyWorkflows.Api.Tests.Auth;

/// <summary>POST /api/auth/token and the bearer scheme: good credentials give a working token; anything else is 401.</summary>
[Collection(SharedHostCollection.Name)]
public class TokenTests(SharedHost host)
{
    [Fact]
    public async Task Token_ValidCredentials_TokenIdentifiesTheUserAndRoles()
    {
        using var anonymous = host.Factory.CreateAnonymousClient();

        using var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "responder", password = "responder-dev" });
        var json = await response.ReadJsonAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, json.ToJsonString());
        ((string?)json["tokenType"]).Should().Be("Bearer");
        ((int?)json["expiresIn"]).Should().Be(3600);
        ((DateTimeOffset)json["expiresAt"]!).Should().BeCloseTo(DateTimeOffset.UtcNow.AddHours(1), TimeSpan.FromMinutes(1));

        var me = await GetMeAsync(anonymous, (string)json["accessToken"]!);
        ((string?)me["userName"]).Should().Be("responder");
        ((string?)me["displayName"]).Should().Be("Responder (dev)");
        ((string?)me["memberId"]).Should().Be("m-responder");
        me["roles"]!.AsArray().Select(r => (string?)r).Should().Equal("Reporter", "Responder");
    }

    [Theory]
    [InlineData("admin", "admin-dev")]
    [InlineData("lead", "lead-dev")]
    [InlineData("lead2", "lead2-dev")]
    [InlineData("depthead", "depthead-dev")]
    [InlineData("responder", "responder-dev")]
    [InlineData("responder2", "responder2-dev")]
    [InlineData("employee", "employee-dev")]
    [InlineData("employee2", "employee2-dev")]
    public async Task DevelopmentUsers_RootAppSettings_SignInWithTheirReadmePasswords(string userName, string password)
    {
        using var anonymous = host.Factory.CreateAnonymousClient();

        using var response = await anonymous.PostAsync("/api/auth/token",
            ApiClientExtensions.Json($"{{\"userName\":\"{userName}\",\"password\":\"{password}\"}}"));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Token_WrongPasswordOrUnknownUser_SameUnauthorizedProblemNamingNeither()
    {
        using var anonymous = host.Factory.CreateAnonymousClient();

        using var wrongPassword = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "not-it" });
        using var unknownUser = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "nobody-" + Guid.NewGuid().ToString("N"), password = "admin-dev" });

        var first = await wrongPassword.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var second = await unknownUser.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        ((string?)first["detail"]).Should().Be("The user name or password is incorrect.");
        ((string?)second["detail"]).Should().Be((string?)first["detail"], "the answer must not tell which part was wrong");
        first.ContainsKey("accessToken").Should().BeFalse();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"userName\":\"admin\"}")]
    [InlineData("{\"password\":\"admin-dev\"}")]
    public async Task Token_MissingField_BadRequestProblem(string body)
    {
        using var anonymous = host.Factory.CreateAnonymousClient();

        using var response = await anonymous.PostAsync("/api/auth/token", ApiClientExtensions.Json(body));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        ((string?)problem["detail"]).Should().Contain("userName").And.Contain("password");
    }

    [Fact]
    public async Task Bearer_PayloadTamperedToClaimAdmin_UnauthorizedInvalidToken()
    {
        var token = host.Factory.MintToken("employee");
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"Reporter\"", "\"Admin\"", StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
        using var anonymous = host.Factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/instances");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        using var response = await anonymous.SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        ((string?)problem["detail"]).Should().Contain("invalid or has expired");
        response.Headers.WwwAuthenticate.ToString().Should().Contain("invalid_token");
    }

    [Fact]
    public async Task Bearer_TokenSignedWithAnotherKey_Unauthorized()
    {
        var foreign = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "EmergencyWorkflows",
            Audience = "EmergencyWorkflows",
            Subject = new ClaimsIdentity([new Claim("sub", "admin"), new Claim("role", "Admin")]),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes("someone-elses-key-that-is-long-enough-0123456789")), SecurityAlgorithms.HmacSha256),
        });
        using var anonymous = host.Factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", foreign);

        using var response = await anonymous.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TokenRequests_Logged_PasswordNeverAndUserNameMasked()
    {
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var userName = "nobody-" + Guid.NewGuid().ToString("N");
        using var anonymous = host.Factory.CreateAnonymousClient();

        using var refused = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password });

        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var rendered = host.Factory.Sink.Events
            .Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + " " + string.Join(" ", e.Properties.Select(p => p.Value.ToString()))).ToList();
        rendered.Should().NotContain(line => line.Contains(password, StringComparison.Ordinal));
        rendered.Should().NotContain(line => line.Contains(userName, StringComparison.Ordinal), "user names are masked in logs");
        host.Factory.Sink.Events.Should().Contain(e => e.MessageTemplate.Text.StartsWith("Token refused", StringComparison.Ordinal));
    }

    private static async Task<JsonObject> GetMeAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var json = await response.ReadJsonAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, json.ToJsonString());
        return json.AsObject();
    }
}
