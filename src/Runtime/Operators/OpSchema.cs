namespace EdgeML.Runtime.Operators;

/// <summary>An operator as the ONNX documents define it: domain ("" is ai.onnx), name, and the opset
/// versions in which its definition changed.</summary>
public sealed record OpSchema(OpCode Code, string Domain, string Name, int[] SinceVersions)
{
    /// <summary>The definition in force at <paramref name="opsetVersion"/>, or 0 if the operator did
    /// not exist yet.</summary>
    public int ResolveVersion(long opsetVersion)
    {
        int best = 0;
        foreach (var v in SinceVersions) if (v <= opsetVersion && v > best) best = v;
        return best;
    }
}
