namespace EdgeML.Runtime.Operators;

/// <summary>Every operator EdgeML knows by name, with its op code. The op code is what the .edgeml
/// format stores; the reader accepts only codes listed here.</summary>
public static partial class OpCatalog
{
    public const string OnnxDomain = "";
    public const string MlDomain = "ai.onnx.ml";
    public const string EdgeMLDomain = "ai.edgeml";

    private static readonly Dictionary<(string, string), OpSchema> ByName;
    private static readonly Dictionary<OpCode, OpSchema> ByCode;

    // A static constructor runs after the field initializers of every part of this partial class,
    // so the schema arrays of the other files are set by then.
    static OpCatalog()
    {
        ByName = BuildByName();
        ByCode = BuildByCode();
    }

    /// <summary>All schemas, ONNX's and EdgeML's own.</summary>
    public static IEnumerable<OpSchema> All => ByCode.Values;

    public static OpSchema? Find(string domain, string name)
        => ByName.TryGetValue((NormalizeDomain(domain), name), out var s) ? s : null;

    public static OpSchema? Find(OpCode code) => ByCode.TryGetValue(code, out var s) ? s : null;

    public static bool IsKnown(OpCode code) => ByCode.ContainsKey(code);

    public static string Describe(OpCode code)
        => ByCode.TryGetValue(code, out var s) ? (s.Domain.Length == 0 ? s.Name : s.Domain + "." + s.Name) : $"op code {(int)code}";

    /// <summary>The newest opset version of <paramref name="domain"/> EdgeML knows (0 for unknown domains).</summary>
    public static int NewestVersion(string domain)
    {
        int newest = 0;
        foreach (var s in ByCode.Values)
            if (s.Domain == domain) newest = Math.Max(newest, s.SinceVersions.Max());
        return newest;
    }

    /// <summary>"ai.onnx" and "" are the same domain.</summary>
    public static string NormalizeDomain(string domain) => domain == "ai.onnx" ? "" : domain;

    private static Dictionary<(string, string), OpSchema> BuildByName()
    {
        var d = new Dictionary<(string, string), OpSchema>();
        foreach (var s in OnnxSchemas) d[(s.Domain, s.Name)] = s;
        foreach (var s in EdgeMLSchemas) d[(s.Domain, s.Name)] = s;
        return d;
    }

    private static Dictionary<OpCode, OpSchema> BuildByCode()
    {
        var d = new Dictionary<OpCode, OpSchema>();
        foreach (var s in OnnxSchemas) d[s.Code] = s;
        foreach (var s in EdgeMLSchemas) d[s.Code] = s;
        return d;
    }
}
