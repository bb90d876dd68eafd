using Microsoft.AspNetCore.Razor.TagHelpers;

namespace EmergencyWorkflows.Api.Web;

/// <summary><c>&lt;time ew-at="@instant"&gt;&lt;/time&gt;</c> → the exact UTC instant in <c>datetime</c>, the display-zone
/// text as content (the no-script fallback), and <c>data-local</c> so site.js shows it in the reader's zone. Public because
/// Razor only discovers public tag helpers.</summary>
[HtmlTargetElement("time", Attributes = AtAttribute)]
public sealed class TimeTagHelper(DisplayTime display) : TagHelper
{
    private const string AtAttribute = "ew-at";

    [HtmlAttributeName(AtAttribute)]
    public DateTimeOffset At { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", DisplayTime.Iso(At));
        output.Attributes.SetAttribute("data-local", string.Empty);
        output.Content.SetContent(display.Text(At));
    }
}
