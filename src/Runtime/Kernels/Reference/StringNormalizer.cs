using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// StringNormalizer (opset 10): drops the elements of a [C] or [1, C] string tensor that equal a
/// stop word (case-sensitively or not), then upper- or lower-cases the rest. When every element is
/// dropped the output is one empty string, shaped [1] or [1, 1]. Casing follows the invariant
/// culture (full Unicode simple case mapping); the <c>locale</c> attribute is accepted but other
/// locales' special rules (e.g. Turkish dotted i) are not applied.
/// </summary>
public sealed class StringNormalizer : Kernel
{
    private readonly int _caseChange; // 0 none, 1 lower, 2 upper
    private readonly HashSet<string> _stopwords;
    private bool[] _keep = [];

    private StringNormalizer(int caseChange, HashSet<string> stopwords)
    {
        _caseChange = caseChange;
        _stopwords = stopwords;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        string action = a.GetString("case_change_action", "NONE");
        int caseChange = action switch
        {
            "NONE" => 0,
            "LOWER" => 1,
            "UPPER" => 2,
            _ => throw info.Error($"case_change_action '{action}' is not NONE, LOWER or UPPER"),
        };
        bool caseSensitive = a.GetInt("is_case_sensitive", 0) != 0;
        var stopwords = new HashSet<string>(a.GetStrings("stopwords", []), caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
        return new StringNormalizer(caseChange, stopwords);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Type != DataType.String) throw context.Error("input must be a string tensor");
        if (!(x.Rank == 1 || (x.Rank == 2 && x.Shape[0] == 1)))
            throw context.Error($"input must be shaped [C] or [1, C], not {Tensor.ShapeText(x.Shape)}");
        var input = x.Strings;
        if (_keep.Length < input.Length) _keep = new bool[input.Length];
        int kept = 0;
        for (int i = 0; i < input.Length; i++)
        {
            _keep[i] = !_stopwords.Contains(input[i]);
            if (_keep[i]) kept++;
        }

        var y = context.Output(0);
        Span<long> shape = stackalloc long[2];
        shape[0] = 1;
        shape[x.Rank - 1] = Math.Max(kept, 1);
        y.Allocate(DataType.String, shape[..x.Rank]);
        var output = y.Strings;
        for (int i = 0, j = 0; i < input.Length; i++)
        {
            if (!_keep[i]) continue;
            output[j++] = _caseChange switch
            {
                1 => input[i].ToLowerInvariant(),
                2 => input[i].ToUpperInvariant(),
                _ => input[i],
            };
        }
    }
}
