namespace EdgeML.Oracle.Conformance;

/// <summary>The outcome of one case on one engine: passed, or the failure category (used to group
/// failures in the report) and a one-line detail.</summary>
public sealed record CaseResult(string Case, bool Passed, string Category, string Detail, double Milliseconds)
{
    public static CaseResult Pass(string name, double ms) => new(name, true, "passed", "", ms);
}
