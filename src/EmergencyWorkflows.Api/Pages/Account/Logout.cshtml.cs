using EmergencyWorkflows.Api.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmergencyWorkflows.Api.Pages.Account;

/// <summary>Signs out (POST with the form's antiforgery token only) and returns to the sign-in page.</summary>
[AllowAnonymous]
internal sealed class LogoutModel(ILogger<LogoutModel> logger) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        var name = User.UserNameOf();
        await HttpContext.SignOutAsync(AuthSchemes.Cookie);
        logger.LogInformation("{UserName} signed out of the pages", name);
        return LocalRedirect("/account/login");
    }
}
