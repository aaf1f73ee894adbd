namespace EdgeML.Runtime;

/// <summary>
/// The one error type for problems a user can cause: a corrupt file, a wrong input shape, an
/// unknown operator, a bad flag. The message is a single line that names the file, node or flag.
/// Anything else thrown by EdgeML is a bug.
/// </summary>
public sealed class EdgeMLException : Exception
{
    public EdgeMLException(string message) : base(message) { }
    public EdgeMLException(string message, Exception inner) : base(message, inner) { }
}
