using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// StringSplit (opset 20): splits each string on <c>delimiter</c> (at most <c>maxsplit</c> times),
/// like Python's str.split: with a delimiter, consecutive delimiters delimit empty strings; without
/// one (or with ""), runs of whitespace separate and leading/trailing whitespace is dropped. Y has
/// one more dimension than X, padded with empty strings; Z counts the substrings of each element.
/// </summary>
public sealed class StringSplit : Kernel
{
    private readonly string _delimiter;
    private readonly long _maxSplit;
    private long[] _counts = [];

    private StringSplit(string delimiter, long maxSplit)
    {
        _delimiter = delimiter;
        _maxSplit = maxSplit;
    }

    public static Kernel Create(KernelInfo info)
    {
        long maxSplit = info.Attributes.GetInt("maxsplit", -1);
        return new StringSplit(info.Attributes.GetString("delimiter", ""), maxSplit < 0 ? long.MaxValue : maxSplit);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Type != DataType.String) throw context.Error("input must be a string tensor");
        var strings = x.Strings;
        int n = strings.Length;
        if (_counts.Length < n) _counts = new long[n];
        long width = 0;
        for (int i = 0; i < n; i++)
        {
            _counts[i] = Split(strings[i], default);
            width = Math.Max(width, _counts[i]);
        }

        var y = context.Output(0);
        Span<long> shape = stackalloc long[x.Rank + 1];
        x.Shape.CopyTo(shape);
        shape[x.Rank] = width;
        y.Allocate(DataType.String, shape);
        var parts = y.Strings;
        for (int i = 0; i < n; i++) Split(strings[i], parts.Slice(i * (int)width, (int)width));

        if (context.OptionalOutput(1) is { } z)
        {
            z.Allocate(DataType.Int64, x.Shape);
            _counts.AsSpan(0, n).CopyTo(z.Span<long>());
        }
    }

    /// <summary>Splits <paramref name="s"/>; writes the parts when <paramref name="output"/> is not
    /// empty (the rest stays "") and returns how many there are.</summary>
    private int Split(string s, Span<string> output)
    {
        bool write = !output.IsEmpty;
        int count = 0;
        if (_delimiter.Length > 0)
        {
            int start = 0;
            while (count < _maxSplit)
            {
                int at = s.IndexOf(_delimiter, start, StringComparison.Ordinal);
                if (at < 0) break;
                if (write) output[count] = s[start..at];
                count++;
                start = at + _delimiter.Length;
            }
            if (write) output[count] = s[start..];
            return count + 1;
        }

        int i = 0;
        while (true)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            if (i == s.Length) return count;
            if (count == _maxSplit)
            {
                // The remainder, leading whitespace dropped, trailing kept (as Python does).
                if (write) output[count] = s[i..];
                return count + 1;
            }
            int start = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i])) i++;
            if (write) output[count] = s[start..i];
            count++;
        }
    }
}
