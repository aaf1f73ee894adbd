namespace EdgeML.Training.Tests;

/// <summary>
/// Locates the repository root (the folder holding EdgeML.sln, walking up from the test's base directory), the
/// shipped samples, and the shared data at ../shared relative to the root.
/// </summary>
internal static class SharedData
{
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EdgeML.sln"))) directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("EdgeML.sln not found above the test directory");
        }
    }

    public static string Datasets => Path.Combine(RepositoryRoot, "..", "shared", "datasets");
    public static string Dataset(string file) => Path.Combine(Datasets, file);
    public static bool Has(string file) => File.Exists(Dataset(file));
    public static string PenguinsSample => Path.Combine(RepositoryRoot, "samples", "penguins", "penguins.json");

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "edgeml-training-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
