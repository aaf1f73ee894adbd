namespace EdgeML.Runtime.Kernels.Common;

/// <summary>Mathematical functions .NET's Math lacks, to double precision.</summary>
public static class SpecialFunctions
{
    private const double TwoOverSqrtPi = 1.1283791670955126;
    private const double OneOverSqrtPi = 0.56418958354775628;

    /// <summary>The error function erf(x) = 2/sqrt(pi) * integral from 0 to x of e^(-t^2) dt.</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return x;
        double a = Math.Abs(x);
        double r = a <= 2.5 ? ErfSeries(a) : 1 - ErfcContinuedFraction(a);
        return x < 0 ? -r : r;
    }

    /// <summary>erf(a) = 2/sqrt(pi) e^(-a^2) * sum over n of 2^n a^(2n+1) / (1*3*...*(2n+1)): every term is
    /// positive, so nothing cancels; for a &lt;= 2.5 it converges to double precision in under 60 terms.</summary>
    private static double ErfSeries(double a)
    {
        double a2 = a * a;
        double term = a, sum = a;
        for (int n = 1; n < 200; n++)
        {
            term *= 2 * a2 / (2 * n + 1);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return TwoOverSqrtPi * Math.Exp(-a2) * sum;
    }

    /// <summary>erfc(a) = e^(-a^2)/sqrt(pi) / (a + (1/2)/(a + 1/(a + (3/2)/(a + ...)))), evaluated from the
    /// tail; for a &gt; 2.5, 100 levels reach double precision.</summary>
    private static double ErfcContinuedFraction(double a)
    {
        if (a > 27) return 0; // e^(-a^2) underflows
        double f = a;
        for (int n = 100; n >= 1; n--) f = a + n * 0.5 / f;
        return Math.Exp(-a * a) * OneOverSqrtPi / f;
    }
}
