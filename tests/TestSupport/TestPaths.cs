namespace EdgeML.TestSupport;

/// <summary>Where tests find the repository and the shared data (../shared beside the repository).</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared folder (conformance data, real models, data sets); may not exist.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string SharedPath(params string[] parts) => Path.Combine([Shared, .. parts]);

    public static bool HasShared(params string[] parts) => Path.Exists(SharedPath(parts));

    private static string FindRepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "EdgeML.sln"))) return d.FullName;
        throw new InvalidOperationException("cannot find EdgeML.sln above " + AppContext.BaseDirectory);
    }

    /// <summary>A fresh temporary folder, deleted by the caller (or left for the OS).</summary>
    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "edgeml-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
