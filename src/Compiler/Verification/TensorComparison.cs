using EdgeML.Runtime.Tensors;

namespace EdgeML.Compiler.Verification;

/// <summary>The result of comparing an actual value with an expected one.</summary>
public readonly record struct ComparisonResult(bool Equal, string Reason, double MaxAbsoluteError, double MaxRelativeError)
{
    public static ComparisonResult Pass(double abs, double rel) => new(true, "", abs, rel);
    public static ComparisonResult Fail(string reason, double abs = double.NaN, double rel = double.NaN) => new(false, reason, abs, rel);
}

/// <summary>
/// Compares tensors the way the ONNX backend tests do: floating point within |a - e| &lt;= atol +
/// rtol * |e| (NaN matches NaN, infinities must match), integers, booleans and strings exactly.
/// Sequences compare item by item.
/// </summary>
public static class TensorComparison
{
    public static ComparisonResult Compare(Tensor actual, Tensor expected, double rtol = 1e-3, double atol = 1e-7)
    {
        if (expected.Kind == ValueKind.None) return actual.Kind == ValueKind.None ? ComparisonResult.Pass(0, 0) : ComparisonResult.Fail("expected an empty optional");
        if (actual.Kind != expected.Kind) return ComparisonResult.Fail($"kind {actual.Kind} differs from expected {expected.Kind}");
        if (expected.Kind is ValueKind.Sequence or ValueKind.Map)
        {
            if (actual.Items.Count != expected.Items.Count) return ComparisonResult.Fail($"{actual.Items.Count} items, expected {expected.Items.Count}");
            double maxAbs = 0, maxRel = 0;
            for (int i = 0; i < expected.Items.Count; i++)
            {
                var r = Compare(actual.Items[i], expected.Items[i], rtol, atol);
                if (!r.Equal) return ComparisonResult.Fail($"item {i}: {r.Reason}", r.MaxAbsoluteError, r.MaxRelativeError);
                maxAbs = Math.Max(maxAbs, r.MaxAbsoluteError);
                maxRel = Math.Max(maxRel, r.MaxRelativeError);
            }
            return ComparisonResult.Pass(maxAbs, maxRel);
        }
        if (actual.Type != expected.Type) return ComparisonResult.Fail($"type {DataTypeInfo.Name(actual.Type)} differs from expected {DataTypeInfo.Name(expected.Type)}");
        if (!actual.Shape.SequenceEqual(expected.Shape)) return ComparisonResult.Fail($"shape {Tensor.ShapeText(actual.Shape)} differs from expected {Tensor.ShapeText(expected.Shape)}");
        if (expected.Type == DataType.String)
        {
            for (int i = 0; i < expected.Length; i++)
                if (actual.Strings[i] != expected.Strings[i]) return ComparisonResult.Fail($"string {i} is '{actual.Strings[i]}', expected '{expected.Strings[i]}'");
            return ComparisonResult.Pass(0, 0);
        }
        if (IsFloating(expected.Type)) return CompareFloats(ToDoubles(actual), ToDoubles(expected), rtol, atol);
        if (!actual.Bytes.SequenceEqual(expected.Bytes))
        {
            var a = ToDoubles(actual);
            var e = ToDoubles(expected);
            for (int i = 0; i < e.Length; i++)
                if (!a[i].Equals(e[i])) return ComparisonResult.Fail($"element {i} is {a[i]}, expected {e[i]}", Math.Abs(a[i] - e[i]), double.NaN);
            return ComparisonResult.Fail("bytes differ");
        }
        return ComparisonResult.Pass(0, 0);
    }

    private static bool IsFloating(DataType t) => DataTypeInfo.IsFloat(t) || t is DataType.Complex64 or DataType.Complex128;

    public static ComparisonResult CompareFloats(double[] a, double[] e, double rtol, double atol)
    {
        double maxAbs = 0, maxRel = 0;
        for (int i = 0; i < e.Length; i++)
        {
            double x = a[i], y = e[i];
            if (double.IsNaN(y))
            {
                if (!double.IsNaN(x)) return ComparisonResult.Fail($"element {i} is {x}, expected NaN");
                continue;
            }
            if (double.IsInfinity(y) || double.IsInfinity(x))
            {
                if (x != y) return ComparisonResult.Fail($"element {i} is {x}, expected {y}");
                continue;
            }
            double diff = Math.Abs(x - y);
            if (double.IsNaN(diff) || diff > atol + rtol * Math.Abs(y))
                return ComparisonResult.Fail($"element {i} is {x:G9}, expected {y:G9} (|diff| {diff:G3})", diff, diff / Math.Max(Math.Abs(y), 1e-30));
            maxAbs = Math.Max(maxAbs, diff);
            if (y != 0) maxRel = Math.Max(maxRel, diff / Math.Abs(y));
        }
        return ComparisonResult.Pass(maxAbs, maxRel);
    }

    /// <summary>Every element as a double (complex numbers as interleaved parts).</summary>
    public static double[] ToDoubles(Tensor t)
    {
        switch (t.Type)
        {
            case DataType.Float: return Array.ConvertAll(t.ReadOnlySpan<float>().ToArray(), x => (double)x);
            case DataType.Complex64: return Array.ConvertAll(t.ReadOnlySpan<float>().ToArray(), x => (double)x);
            case DataType.Double or DataType.Complex128: return t.ReadOnlySpan<double>().ToArray();
            case DataType.Float16: return Array.ConvertAll(t.ReadOnlySpan<Half>().ToArray(), x => (double)x);
            case DataType.BFloat16: return Array.ConvertAll(t.ReadOnlySpan<ushort>().ToArray(), x => (double)BFloat16.ToSingle(x));
            case DataType.Int8: return Array.ConvertAll(t.ReadOnlySpan<sbyte>().ToArray(), x => (double)x);
            case DataType.Int16: return Array.ConvertAll(t.ReadOnlySpan<short>().ToArray(), x => (double)x);
            case DataType.Int32: return Array.ConvertAll(t.ReadOnlySpan<int>().ToArray(), x => (double)x);
            case DataType.Int64: return Array.ConvertAll(t.ReadOnlySpan<long>().ToArray(), x => (double)x);
            case DataType.UInt8 or DataType.Bool: return Array.ConvertAll(t.ReadOnlySpan<byte>().ToArray(), x => (double)x);
            case DataType.UInt16: return Array.ConvertAll(t.ReadOnlySpan<ushort>().ToArray(), x => (double)x);
            case DataType.UInt32: return Array.ConvertAll(t.ReadOnlySpan<uint>().ToArray(), x => (double)x);
            case DataType.UInt64: return Array.ConvertAll(t.ReadOnlySpan<ulong>().ToArray(), x => (double)x);
            default:
                // 8-, 4- and 2-bit types compare by their stored bytes.
                return Array.ConvertAll(t.Bytes.ToArray(), x => (double)x);
        }
    }
}
