using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// RegexFullMatch (opset 20): whether each string matches the RE2 <c>pattern</c> as a whole. The
/// pattern is translated once to a .NET regex run by the non-backtracking engine, which like RE2
/// matches in linear time and has no backreferences or lookaround. The translation keeps RE2's
/// meaning where .NET differs: \d \w \s and POSIX classes are ASCII, $ is the end of the text
/// unless (?m) is used, (?P&lt;name&gt;) groups, \Q..\E literals, \x{...} and octal escapes.
/// Constructs RE2 rejects (backreferences, lookaround, atomic groups) are rejected. Known gaps:
/// \b uses .NET's Unicode word characters, and "." matches one UTF-16 unit, not one code point.
/// </summary>
public sealed class RegexFullMatch : Kernel
{
    private const string Word = "0-9A-Za-z_";
    private const string Space = "\\t\\n\\f\\r ";
    private readonly Regex _regex;

    private RegexFullMatch(Regex regex) => _regex = regex;

    public static Kernel Create(KernelInfo info)
    {
        var pattern = info.Attributes.Find("pattern")?.String ?? throw info.Error("attribute 'pattern' is required");
        try
        {
            string translated = Translate(pattern);
            var regex = new Regex(@"\A(?:" + translated + @")\z", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            return new RegexFullMatch(regex);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or NotSupportedException)
        {
            throw info.Error($"pattern '{pattern}' is not a supported RE2 regex: {e.Message}");
        }
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Type != DataType.String) throw context.Error("input must be a string tensor");
        var y = context.Output(0);
        y.Allocate(DataType.Bool, x.Shape);
        var input = x.Strings;
        var output = y.Span<bool>();
        for (int i = 0; i < input.Length; i++) output[i] = _regex.IsMatch(input[i]);
    }

    /// <summary>Rewrites RE2 syntax as the equivalent .NET syntax (throws ArgumentException on what RE2 rejects).</summary>
    internal static string Translate(string p)
    {
        var sb = new StringBuilder(p.Length + 16);
        bool multiline = HasFlag(p, 'm');
        bool inClass = false;
        for (int i = 0; i < p.Length; i++)
        {
            char c = p[i];
            if (c == '\\')
            {
                if (i + 1 >= p.Length) throw new ArgumentException("trailing backslash");
                char e = p[++i];
                switch (e)
                {
                    case 'd': sb.Append(inClass ? "0-9" : "[0-9]"); break;
                    case 'w': sb.Append(inClass ? Word : "[" + Word + "]"); break;
                    case 's': sb.Append(inClass ? Space : "[" + Space + "]"); break;
                    case 'D': sb.Append(inClass ? "\\D" : "[^0-9]"); break;
                    case 'W': sb.Append(inClass ? "\\W" : "[^" + Word + "]"); break;
                    case 'S': sb.Append(inClass ? "\\S" : "[^" + Space + "]"); break;
                    case 'Q':
                        int end = p.IndexOf("\\E", i + 1, StringComparison.Ordinal);
                        string literal = end < 0 ? p[(i + 1)..] : p[(i + 1)..end];
                        sb.Append(inClass ? literal.Replace("\\", "\\\\").Replace("]", "\\]").Replace("^", "\\^").Replace("-", "\\-") : Regex.Escape(literal));
                        i = end < 0 ? p.Length : end + 1;
                        break;
                    case 'x' when i + 1 < p.Length && p[i + 1] == '{':
                        int close = p.IndexOf('}', i + 2);
                        if (close < 0) throw new ArgumentException("unterminated \\x{");
                        AppendCodePoint(sb, int.Parse(p.AsSpan(i + 2, close - i - 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i = close;
                        break;
                    case 'p' or 'P' when i + 1 < p.Length && p[i + 1] != '{':
                        sb.Append('\\').Append(e).Append('{').Append(p[++i]).Append('}');
                        break;
                    case 'C': throw new ArgumentException("\\C (any byte) is not supported");
                    case 'Z': throw new ArgumentException("\\Z is not RE2 syntax");
                    case >= '0' and <= '7':
                        // Octal: \0, or two or three digits; a single \1-\7 is a backreference, which RE2 rejects.
                        int start = i;
                        while (i + 1 < p.Length && i - start < 2 && p[i + 1] is >= '0' and <= '7') i++;
                        if (e != '0' && i == start) throw new ArgumentException("backreferences are not supported");
                        AppendCodePoint(sb, Convert.ToInt32(p[start..(i + 1)], 8));
                        break;
                    case '8' or '9': throw new ArgumentException("backreferences are not supported");
                    default: sb.Append('\\').Append(e); break;
                }
                continue;
            }
            if (inClass)
            {
                if (c == '[' && i + 1 < p.Length && p[i + 1] == ':')
                {
                    int close = p.IndexOf(":]", i + 2, StringComparison.Ordinal);
                    if (close < 0) throw new ArgumentException("unterminated POSIX class");
                    sb.Append(PosixClass(p[(i + 2)..close]));
                    i = close + 1;
                    continue;
                }
                if (c == '[') sb.Append("\\["); // a literal '[' inside a class (.NET would read class subtraction)
                else sb.Append(c);
                if (c == ']') inClass = false;
                continue;
            }
            switch (c)
            {
                case '[':
                    inClass = true;
                    sb.Append('[');
                    // A leading ']' (after an optional '^') is a literal in RE2.
                    if (i + 1 < p.Length && p[i + 1] == '^') sb.Append(p[++i]);
                    if (i + 1 < p.Length && p[i + 1] == ']')
                    {
                        sb.Append("\\]");
                        i++;
                    }
                    break;
                case '$':
                    sb.Append(multiline ? "$" : "\\z");
                    break;
                case '(' when i + 1 < p.Length && p[i + 1] == '?':
                    string rest = p[(i + 2)..];
                    if (rest.StartsWith("P<", StringComparison.Ordinal))
                    {
                        sb.Append("(?<");
                        i += 3;
                    }
                    else if (rest.StartsWith('=') || rest.StartsWith('!') || rest.StartsWith("<=", StringComparison.Ordinal) || rest.StartsWith("<!", StringComparison.Ordinal) || rest.StartsWith('>'))
                    {
                        throw new ArgumentException("lookaround and atomic groups are not supported");
                    }
                    else if (FlagsOf(rest).Contains('U'))
                    {
                        throw new ArgumentException("the U (ungreedy) flag is not supported");
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        if (inClass) throw new ArgumentException("unterminated character class");
        return sb.ToString();
    }

    private static string FlagsOf(string afterQuestionMark)
    {
        int end = afterQuestionMark.IndexOfAny([':', ')']);
        return end < 0 ? "" : afterQuestionMark[..end];
    }

    private static bool HasFlag(string p, char flag)
    {
        for (int i = p.IndexOf("(?", StringComparison.Ordinal); i >= 0; i = p.IndexOf("(?", i + 2, StringComparison.Ordinal))
        {
            string flags = FlagsOf(p[(i + 2)..]);
            int minus = flags.IndexOf('-');
            if ((minus < 0 ? flags : flags[..minus]).Contains(flag)) return true;
        }
        return false;
    }

    private static void AppendCodePoint(StringBuilder sb, int codePoint)
    {
        foreach (char ch in char.ConvertFromUtf32(codePoint)) sb.Append("\\u").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
    }

    private static string PosixClass(string name) => name switch
    {
        "alnum" => "0-9A-Za-z",
        "alpha" => "A-Za-z",
        "ascii" => "\\x00-\\x7F",
        "blank" => "\\t ",
        "cntrl" => "\\x00-\\x1F\\x7F",
        "digit" => "0-9",
        "graph" => "!-~",
        "lower" => "a-z",
        "print" => " -~",
        "punct" => "!-/:-@\\[-`{-~",
        "space" => "\\t\\n\\v\\f\\r ",
        "upper" => "A-Z",
        "word" => Word,
        "xdigit" => "0-9A-Fa-f",
        _ => throw new ArgumentException($"unknown POSIX class [:{name}:]"),
    };
}
