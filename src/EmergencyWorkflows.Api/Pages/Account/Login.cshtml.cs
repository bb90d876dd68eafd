using System.Security.Claims;
using EmergencyWorkflows.Api.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmergencyWorkflows.Api.Pages.Account;

/// <summary>Sign-in with the same users, passwords and roles as the API (<see cref="UserDirectory"/>), into the same cookie.</summary>
internal sealed class LoginModel(UserDirectory users, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "SignIn.Required";
            return Page();
        }

        var user = users.Verify(UserName, Password);
        if (user is null)
        {
            logger.LogWarning("Page sign-in refused for {UserName}: wrong user name or password", UserName);
            Error = "SignIn.Failed";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(AuthClaims.For(user), AuthSchemes.Cookie, AuthClaims.UserName, AuthClaims.Role));
        await HttpContext.SignInAsync(AuthSchemes.Cookie, principal);
        logger.LogInformation("{UserName} signed in to the pages", user.UserName);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
