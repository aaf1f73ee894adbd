using EdgeML.Runtime;

namespace EdgeML.Cli;

/// <summary>Finds files shipped in the repository's samples/ folder, from the working directory or
/// from where the tool was built or published.</summary>
public static class SampleFiles
{
    public static string Find(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d != null; d = d.Parent)
            {
                var candidate = Path.Combine(d.FullName, "samples", relative);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new EdgeMLException($"sample file samples/{relative} not found (run from the EdgeML repository)");
    }
}
