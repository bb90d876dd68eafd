using System.Text.Encodings.Web;

namespace EmergencyWorkflows.Api.Studio;

/// <summary>
/// Our own host pages for the Studio's custom elements. The package's index.html uses a tag name that is not
/// registered and loads Google Fonts; these pages keep its style sheets and scripts, use the registered tags and make
/// no external requests.
/// </summary>
internal static class StudioPages
{
    public static string List(string remoteEndpoint) => Page(
        "Workflow definitions",
        $"""<elsa-workflow-definition-list remote-endpoint="{Attribute(remoteEndpoint)}"></elsa-workflow-definition-list>""",
        """
        <script>
          // Opening a row goes to our editor page (an EventCallback that works when set as a JS property).
          customElements.whenDefined('elsa-workflow-definition-list').then(() => {
            const list = document.querySelector('elsa-workflow-definition-list');
            list.editWorkflowDefinition = id => { window.location.href = 'definitions/' + encodeURIComponent(id); };
          });
        </script>
        """);

    public static string Editor(string remoteEndpoint, string definitionId) => Page(
        "Workflow designer",
        $"""
        <elsa-workflow-definition-editor definition-id="{Attribute(definitionId)}" remote-endpoint="{Attribute(remoteEndpoint)}"></elsa-workflow-definition-editor>
        <div id="ew-run-banner" role="status" hidden
             style="position:fixed;bottom:16px;left:16px;z-index:10000;padding:10px 16px;border-radius:4px;background:#1e40af;color:#fff;font:14px system-ui,sans-serif;">
          Started instance <a id="ew-run-instance" style="color:#fff"></a>
        </div>
        """,
        """
        <script>
          // After Run, the Studio pushes /workflows/instances/{id}/view onto the history (its callback cannot be set from
          // JS). Stay in the designer instead, and say which instance started, linking to its state.
          (() => {
            const push = history.pushState.bind(history);
            history.pushState = (state, title, url) => {
              const started = url && String(url).match(/\/workflows\/instances\/([^/?#]+)\/view/);
              if (!started) {
                return push(state, title, url);
              }
              const id = decodeURIComponent(started[1]);
              const link = document.getElementById('ew-run-instance');
              link.textContent = id;
              link.href = '/api/instances/' + encodeURIComponent(id);
              document.getElementById('ew-run-banner').hidden = false;
            };
          })();
        </script>
        """);

    private static string Attribute(string value) => HtmlEncoder.Default.Encode(value);

    private static string Page(string title, string element, string script) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1.0"/>
            <title>{{title}} · EmergencyWorkflows</title>
            <base href="/studio/"/>
            <link rel="icon" type="image/png" sizes="32x32" href="_content/Elsa.Studio.Shell/favicon-32x32.png">
            <link href="_content/MudBlazor/MudBlazor.min.css" rel="stylesheet" />
            <link href="_content/CodeBeam.MudBlazor.Extensions/MudExtensions.min.css" rel="stylesheet" />
            <link href="_content/Radzen.Blazor/css/material-base.css" rel="stylesheet" >
            <link href="_content/Elsa.Studio.Shell/css/shell.css" rel="stylesheet">
            <link href="Elsa.Studio.Host.CustomElements.styles.css" rel="stylesheet">
            <style>html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }</style>
        </head>
        <body>
        {{element}}
        <div id="blazor-error-ui">
            An unhandled error has occurred.
            <a href="" class="reload">Reload</a>
            <a class="dismiss">🗙</a>
        </div>
        <script src="_content/BlazorMonaco/jsInterop.js"></script>
        <script src="_content/BlazorMonaco/lib/monaco-editor/min/vs/loader.js"></script>
        <script src="_content/BlazorMonaco/lib/monaco-editor/min/vs/editor/editor.main.js"></script>
        <script src="_content/MudBlazor/MudBlazor.min.js"></script>
        <script src="_content/CodeBeam.MudBlazor.Extensions/MudExtensions.min.js"></script>
        <script src="_content/Radzen.Blazor/Radzen.Blazor.js"></script>
        <script src="_framework/blazor.webassembly.js"></script>
        {{script}}
        </body>
        </html>
        """;
}
