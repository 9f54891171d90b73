import Foundation
import Testing
import Domain

// Reference values were computed independently and written in here (the tests never call Python or R):
//   scipy 1.17.1, statsmodels 0.15.0, numpy 2.4.6, lifelines 0.30.3 (Python 3.11), and
//   R 4.2.2 with survival 3.5-3 (Debian bookworm), plus published tables where named.

/// |a − b| ≤ tolerance, relative to |b| once |b| > 1. nil never matches.
private func near(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

private func relativelyNear(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool { abs(a - b) <= tolerance * abs(b) }

@Suite struct SpecialFunctionsTests {
    typealias F = SpecialFunctions

    @Test func normalQuantile() {
        // scipy.stats.norm.ppf
        for (p, z) in [(0.975, 1.959963984540054), (0.5000001, 2.506628273311648e-07), (0.9, 1.2815515655446004),
                       (1e-10, -6.361340902404056), (0.995, 2.5758293035489004), (0.3, -0.5244005127080409)] {
            #expect(relativelyNear(F.normalQuantile(p), z, 1e-13), "p=\(p)")
        }
        #expect(F.normalQuantile(0.5) == 0)
    }

    @Test func incompleteGamma() {
        // scipy.special.gammainc / gammaincc (a, x) → P, Q
        for (a, x, p, q) in [(0.5, 0.1, 0.34527915398142317, 0.6547208460185768), (3.7, 2.0, 0.18627467088905392, 0.8137253291109461),
                             (3.7, 9.0, 0.9848140883443061, 0.015185911655693945), (50, 40, 0.07033506665939494, 0.9296649333406051),
                             (50, 70, 0.994859497541494, 0.0051405024585059085), (1e4, 1e4, 0.5013298083399552, 0.4986701916600448)] {
            let r = F.gammaPQ(a, x)
            #expect(relativelyNear(r.p, p, 1e-12) && relativelyNear(r.q, q, 1e-12), "a=\(a) x=\(x)")
        }
        #expect(F.gammaPQ(2, 0) == (p: 0, q: 1))
    }

    @Test func gammaQuantile() {
        // scipy.stats.gamma.ppf(p, a)
        for (p, a, x) in [(0.025, 0.5, 0.0004910345585876278), (0.975, 0.5, 2.511943093657444), (1e-6, 2.0, 0.0014148806614793436),
                          (0.5, 3.7, 3.3725380132364133), (0.999, 50, 74.72462638951943), (0.01, 1e4, 9768.836856696591),
                          (0.3, 0.05, 2.0378971887326733e-11)] {
            #expect(relativelyNear(F.gammaQuantile(p, shape: a), x, 1e-10), "p=\(p) a=\(a)")
        }
    }

    @Test func incompleteBetaAndItsInverse() {
        // scipy.special.betainc(a, b, x)
        for (x, a, b, i) in [(0.3, 2.0, 5.0, 0.5798250000000003), (0.9, 0.5, 0.5, 0.7951672353008665), (0.999, 500, 0.5, 0.31731044730971725),
                             (0.01, 0.5, 15, 0.4139350352236643), (0.6, 10, 10, 0.8139079785845882)] {
            #expect(relativelyNear(F.betaI(x, a, b), i, 1e-12), "x=\(x) a=\(a) b=\(b)")
        }
        // scipy.stats.beta.ppf(p, a, b)
        for (p, a, b, x) in [(0.05, 14.5, 0.5, 0.8739424165779681), (0.5, 2.0, 5.0, 0.26444998329566005),
                             (1e-8, 0.5, 0.5, 2.4674011002723397e-16), (0.975, 3.0, 0.7, 0.9984269487367831)] {
            #expect(relativelyNear(F.betaQuantile(p, a, b), x, 1e-10), "p=\(p) a=\(a) b=\(b)")
        }
    }

    @Test func studentT() {
        // scipy.stats.t.ppf(p, df) for p = 0.975, 0.995, 0.9995, 0.6, 0.51, 0.05
        let ps = [0.975, 0.995, 0.9995, 0.6, 0.51, 0.05]
        let table: [(Double, [Double])] = [
            (1, [12.706204736174694, 63.656741162871526, 636.6192487687897, 0.32491969623290634, 0.03142626604335125, -6.313751514675044]),
            (2, [4.302652729749462, 9.924843200918287, 31.599054576445365, 0.2886751345948128, 0.028289929799333573, -2.9199855803537256]),
            (3, [3.1824463052837078, 5.840909309733355, 12.923978636687961, 0.2766706623326898, 0.027211467049117997, -2.353363434801824]),
            (5, [2.5705818356363146, 4.032142983555228, 6.868826625881276, 0.2671808657041451, 0.026346712342273235, -2.015048373333024]),
            (10, [2.228138851986274, 3.16927267261695, 4.586893858702708, 0.2601848294920803, 0.025702893008090297, -1.812461122811676]),
            (29, [2.045229642132703, 2.756385903670605, 3.6594050194663748, 0.25568363457125604, 0.025286049562012986, -1.6991270265334977]),
            (100, [1.9839715185235518, 2.6258905214380173, 3.390491311164263, 0.25402218245822766, 0.02513169753771459, -1.6602343260853396]),
            (1000, [1.9623390808264083, 2.580754698065951, 3.300282648423944, 0.25341451583949876, 0.025075180209466443, -1.6463788172854648]),
            (1e5, [1.9599877075346095, 2.575878469908375, 3.2906240314119137, 0.25334777715718015, 0.025068970970446847, -1.6448688647849699]),
            (2.5, [3.5746548420036817, 7.163728138948783, 18.277893528131457, 0.2814595127485477, 0.02764384133184011, -2.5582186141359364]),
        ]
        for (df, quantiles) in table {
            for (p, t) in zip(ps, quantiles) {
                #expect(relativelyNear(F.tQuantile(p, df: df), t, 1e-10), "p=\(p) df=\(df)")
            }
        }
        #expect(F.tQuantile(0.5, df: 7) == 0)
        // scipy.stats.t.cdf(t, df)
        for (t, df, p) in [(2.0, 5.0, 0.9490302605850708), (-1.3, 12, 0.10900858554175706), (0.1, 3, 0.5366738255995971), (40, 2, 0.9996877926639076)] {
            #expect(near(F.tCDF(t, df: df), p, 1e-13), "t=\(t) df=\(df)")
        }
    }
}

@Suite struct ProportionTests {
    @Test func wilsonMatchesStatsmodels() throws {
        // statsmodels proportion_confint(x, n, alpha, method='wilson')
        for (x, n, confidence, lower, upper) in [
            (81, 263, 0.95, 0.2552885198782742, 0.36620957698280004), (0, 10, 0.95, 0.0, 0.2775327998628892),
            (10, 10, 0.95, 0.7224672001371107, 1.0), (5, 10, 0.95, 0.236593090512564, 0.7634069094874361),
            (1, 1, 0.95, 0.20654931437723745, 1.0), (0, 1, 0.95, 0.0, 0.7934506856227626),
            (3, 7, 0.95, 0.15821985525146975, 0.7495416354723428), (81, 263, 0.90, 0.2633136171884814, 0.35656634960848815),
            (81, 263, 0.99, 0.24013690268760773, 0.38528250231822986), (1, 1000, 0.95, 0.00017654637062607809, 0.0056425585979579355),
        ] {
            let i = try #require(Proportion.wilson(successes: x, trials: n, confidence: confidence))
            #expect(near(i.lower, lower) && near(i.upper, upper), "\(x)/\(n) at \(confidence)")
        }
        // 0 of n and n of n end exactly at 0 and 1.
        #expect(Proportion.wilson(successes: 0, trials: 10)?.lower == 0 && Proportion.wilson(successes: 10, trials: 10)?.upper == 1)
    }

    @Test func wilsonWithoutTrialsOrWithImpossibleCounts() {
        #expect(Proportion.wilson(successes: 0, trials: 0) == nil)
        #expect(Proportion.wilson(successes: 11, trials: 10) == nil)
        #expect(Proportion.wilson(successes: -1, trials: 10) == nil)
        #expect(Proportion.newcombeDifference(x1: 1, n1: 0, x2: 1, n2: 5) == nil)
    }

    @Test func newcombeMatchesThePublishedExamples() throws {
        // Newcombe (1998), Stat Med 17:873, table II, method 10, to 4 decimals; examples (a)–(f).
        for (x1, n1, x2, n2, lower, upper) in [(56, 70, 48, 80, 0.0524, 0.3339), (9, 10, 3, 10, 0.1705, 0.8090), (6, 7, 2, 7, 0.0582, 0.8062),
                                               (5, 56, 0, 29, -0.0381, 0.1926), (0, 10, 0, 20, -0.1611, 0.2775), (0, 10, 0, 10, -0.2775, 0.2775)] {
            let d = try #require(Proportion.newcombeDifference(x1: x1, n1: n1, x2: x2, n2: n2))
            #expect(near(d.interval.lower, lower, 5e-5) && near(d.interval.upper, upper, 5e-5), "\(x1)/\(n1) − \(x2)/\(n2)")
        }
    }

    @Test func newcombeMatchesStatsmodels() throws {
        // statsmodels confint_proportions_2indep(x1, n1, x2, n2, method='newcomb', compare='diff', alpha)
        for (x1, n1, x2, n2, confidence, difference, lower, upper) in [
            (56, 70, 48, 80, 0.95, 0.2, 0.05243147240236498, 0.333872654036906),
            (9, 10, 3, 10, 0.95, 0.6, 0.17052272393450302, 0.8090179735354881),
            (6, 7, 2, 7, 0.95, 0.5714285714285714, 0.0582279274823122, 0.8062496375242277),
            (5, 56, 0, 29, 0.95, 0.08928571428571429, -0.03813714790353688, 0.19256001385511162),
            (0, 10, 0, 20, 0.95, 0.0, -0.16112515805281938, 0.2775327998628892),
            (10, 10, 0, 20, 0.95, 1.0, 0.6790860371419147, 1.0),
            (56, 70, 48, 80, 0.90, 0.2, 0.07656419154407207, 0.31364458358294384),
            (120, 400, 80, 380, 0.99, 0.08947368421052632, 0.008853819210136171, 0.16820787702210804),
        ] {
            let d = try #require(Proportion.newcombeDifference(x1: x1, n1: n1, x2: x2, n2: n2, confidence: confidence))
            #expect(near(d.difference, difference) && near(d.interval.lower, lower) && near(d.interval.upper, upper),
                    "\(x1)/\(n1) − \(x2)/\(n2) at \(confidence)")
        }
    }

    @Test func intervalHelpers() throws {
        let change = try #require(Proportion.newcombeDifference(x1: 56, n1: 70, x2: 48, n2: 80)).interval
        #expect(change.excludes(0) && !change.contains(0))
        #expect(try #require(Proportion.newcombeDifference(x1: 0, n1: 10, x2: 0, n2: 20)).interval.contains(0))
        #expect(Interval(0.1, 0.25).scaled(100) == Interval(10, 25))
        #expect(near(Interval(0.1, 0.25).width, 0.15))
    }
}

@Suite struct PoissonRateTests {
    @Test func exactIntervalMatchesChiSquare() {
        // scipy.stats.chi2.ppf(α/2, 2k)/2 and chi2.ppf(1 − α/2, 2k + 2)/2
        for (k, confidence, lower, upper) in [
            (0, 0.95, 0.0, 3.6888794541139354), (1, 0.95, 0.025317807984289897, 5.571643390938898),
            (2, 0.95, 0.24220927854396507, 7.22468766772396), (5, 0.95, 1.623486390118421, 11.66833207932267),
            (10, 0.95, 4.7953886961324335, 18.39035604201778), (37, 0.95, 26.051414567106033, 50.999626141930825),
            (100, 0.95, 81.36399125092315, 121.62679379242638), (1000, 0.95, 938.9730184076952, 1063.952136016302),
            (25000, 0.95, 24691.05072163751, 25311.849776705112), (3, 0.90, 0.8176914471639533, 7.753656527932725),
            (3, 0.99, 0.33786338872773347, 10.977477495329765),
        ] {
            let r = PoissonRate.exact(count: k, exposure: 1, confidence: confidence)
            #expect(r.rate == Double(k))
            #expect(near(r.interval.lower, lower, 1e-10) && near(r.interval.upper, upper, 1e-10), "k=\(k) at \(confidence)")
        }
        #expect(PoissonRate.exact(count: 0, exposure: 50).interval.lower == 0)
    }

    @Test func aRatePerThousandScalesTheInterval() {
        // 10 referrals among 2,000 patients: 5 per 1,000, interval (4.7953886961324335, 18.39035604201778) / 2.
        let r = PoissonRate.exact(count: 10, exposure: 2000, per: 1000)
        #expect(near(r.rate, 5) && near(r.interval.lower, 4.7953886961324335 / 2) && near(r.interval.upper, 18.39035604201778 / 2))
    }
}

@Suite struct MeanEstimateTests {
    @Test func fromValuesMatchesScipy() throws {
        // numpy mean, std(ddof=1); scipy.stats.t.interval(0.95, n − 1, mean, sd/√n)
        let e = try #require(MeanEstimate(values: [7, 8, 6, 9, 7.5, 8, 10, 5, 7, 8, 6.5, 9]))
        #expect(e.n == 12 && near(e.mean, 7.583333333333333) && near(e.sd, 1.395338559980945))
        #expect(near(e.interval?.lower, 6.696777508757855) && near(e.interval?.upper, 8.469889157908812))
        #expect(near(e.standardError, 1.395338559980945 / 12.0.squareRoot()))
    }

    @Test func histogramAndSumsAgree() throws {
        // 52 answers; Σx = 413, Σx² = 3343. scipy t.interval at 0.95 and 0.90.
        let histogram = [(value: 6, count: 3), (value: 7, count: 10), (value: 8, count: 25), (value: 9, count: 9), (value: 10, count: 4), (value: 4, count: 1)]
        for (confidence, lower, upper) in [(0.95, 7.63330674442251, 8.251308640192876), (0.90, 7.684453128372041, 8.200162256243344)] {
            let a = try #require(MeanEstimate(histogram: histogram, confidence: confidence))
            let b = try #require(MeanEstimate(n: 52, sum: 413, sumOfSquares: 3343, confidence: confidence))
            for e in [a, b] {
                #expect(e.n == 52 && near(e.mean, 7.9423076923076925) && near(e.sd, 1.1099101100939155))
                #expect(near(e.interval?.lower, lower) && near(e.interval?.upper, upper), "\(confidence)")
            }
        }
    }

    @Test func smallAndDegenerateSamples() throws {
        #expect(MeanEstimate(values: []) == nil)
        #expect(MeanEstimate(n: 0, sum: 0, sumOfSquares: 0) == nil)
        #expect(MeanEstimate(histogram: [(value: 3, count: 0)]) == nil)
        let one = try #require(MeanEstimate(values: [8]))
        #expect(one.mean == 8 && one.sd == nil && one.interval == nil)
        // Two values: t with 1 degree of freedom (scipy: −8.706204736174694 to 16.706204736174694).
        let two = try #require(MeanEstimate(values: [3, 5]))
        #expect(near(two.sd, 2.0.squareRoot()) && near(two.interval?.lower, -8.706204736174694) && near(two.interval?.upper, 16.706204736174694))
        // All the same: no spread, a zero-width interval (sums that cancel to just below 0 are clamped).
        let same = try #require(MeanEstimate(n: 3, sum: 0.3, sumOfSquares: 0.03))
        #expect(same.sd == 0 && same.interval?.width == 0)
    }
}

@Suite struct QuantilesTests {
    @Test func typeSevenMatchesNumpy() {
        // numpy.percentile(values, [0, 10, 25, 50, 80, 90, 100]) (method 'linear' = R type 7), and mean(values ≤ limit)
        let cases: [([(value: Int, count: Int)], [Double], [Double])] = [
            ([(1, 1), (2, 2), (3, 3), (4, 1), (9, 1), (10, 1)], [1, 1.8, 2, 3, 6.000000000000002, 9.2, 10],
             [0, 0.7777777777777778, 0.7777777777777778, 1, 1]),
            // Unsorted; R quantile(type = 7) gives the same 3, 7, 28.2, 30 for p = 0.1, 0.5, 0.8, 0.9.
            ([(14, 3), (0, 2), (5, 1), (30, 4), (7, 6), (21, 1)], [0, 3.0000000000000004, 7, 7, 28.200000000000006, 30, 30],
             [0, 0.17647058823529413, 0.5294117647058824, 0.7058823529411765, 1]),
            ([(12, 1)], [12, 12, 12, 12, 12, 12, 12], [0, 0, 0, 1, 1]),
            ([(3, 2), (4, 2)], [3, 3, 3, 3.5, 4, 4, 4], [0, 1, 1, 1, 1]),
        ]
        for (histogram, quantiles, fractions) in cases {
            let q = Quantiles(histogram)
            for (p, expected) in zip([0, 0.1, 0.25, 0.5, 0.8, 0.9, 1], quantiles) {
                #expect(near(q.quantile(p), expected), "p=\(p) of \(histogram)")
            }
            for (limit, expected) in zip([-1, 5, 7, 14, 100], fractions) {
                #expect(near(q.fraction(atMost: limit), expected), "≤ \(limit) of \(histogram)")
            }
        }
    }

    @Test func repeatedValuesAddUpAndEmptyHasNone() {
        #expect(Quantiles([(value: 5, count: 1), (value: 1, count: 1), (value: 5, count: 2), (value: 2, count: 0)]).median == 5)
        #expect(Quantiles([(value: 5, count: 1), (value: 1, count: 1), (value: 5, count: 2)]).count == 4)
        #expect(Quantiles([]).quantile(0.5) == nil && Quantiles([]).fraction(atMost: 3) == nil && Quantiles([]).count == 0)
    }
}

@Suite struct KaplanMeierTests {
    /// A negative time marks a censored observation.
    func km(_ times: [Int]) -> KaplanMeier { KaplanMeier(observations: times.map { (time: abs($0), event: $0 > 0) }) }

    func expectSteps(_ km: KaplanMeier, _ expected: [(Int, Int, Int, Int, Double, Double?)]) {
        #expect(km.steps.count == expected.count)
        for (s, e) in zip(km.steps, expected) {
            #expect(s.time == e.0 && s.atRisk == e.1 && s.events == e.2 && s.censored == e.3, "t=\(e.0)")
            #expect(near(s.survival, e.4), "S(\(e.0))")
            if let se = e.5 { #expect(near(s.standardError, se), "SE(\(e.0))") } else { #expect(s.standardError == nil, "SE(\(e.0))") }
        }
    }

    static let sixMP = [6, 6, 6, -6, 7, -9, 10, -10, -11, 13, 16, -17, -19, -20, 22, 23, -25, -32, -32, -34, -35]

    @Test func leukaemiaDataMatchesRAndThePublishedTable() {
        // Freireich et al. (1963), 6-MP arm. Expected: R survival summary(survfit(Surv(time, status) ~ 1), censored = TRUE):
        // time, n.risk, n.event, n.censor, surv, std.err (Greenwood); lifelines KaplanMeierFitter gives the same curve.
        let k = km(Self.sixMP)
        expectSteps(k, [
            (6, 21, 3, 1, 0.8571428571428571, 0.076360354832121252), (7, 17, 1, 0, 0.80672268907563016, 0.086935285180057192),
            (9, 16, 0, 1, 0.80672268907563016, 0.086935285180057192), (10, 15, 1, 1, 0.75294117647058811, 0.096349652994320495),
            (11, 13, 0, 1, 0.75294117647058811, 0.096349652994320495), (13, 12, 1, 0, 0.69019607843137243, 0.10681470777500982),
            (16, 11, 1, 0, 0.62745098039215674, 0.11405386525675253), (17, 10, 0, 1, 0.62745098039215674, 0.11405386525675253),
            (19, 9, 0, 1, 0.62745098039215674, 0.11405386525675253), (20, 8, 0, 1, 0.62745098039215674, 0.11405386525675253),
            (22, 7, 1, 0, 0.53781512605042003, 0.12823375169303397), (23, 6, 1, 0, 0.44817927170868338, 0.13459145675576042),
            (25, 5, 0, 1, 0.44817927170868338, 0.13459145675576042), (32, 4, 0, 2, 0.44817927170868338, 0.13459145675576042),
            (34, 2, 0, 1, 0.44817927170868338, 0.13459145675576042), (35, 1, 0, 1, 0.44817927170868338, 0.13459145675576042),
        ])
        // R: median 23, quantile(0.25) 13, quantile(0.75) NA.
        #expect(k.median == 23 && k.quantile(0.25) == 13 && k.quantile(0.75) == nil)
        // The 4-decimal table printed for this classic example (e.g. Kleinbaum & Klein, Survival Analysis, ch. 2).
        for (t, s) in [(6, 0.8571), (7, 0.8067), (10, 0.7529), (13, 0.6902), (16, 0.6275), (22, 0.5378), (23, 0.4482)] {
            #expect(near(k.survival(at: t), s, 5e-5), "S(\(t))")
        }
        #expect(k.survival(at: 5) == 1 && k.survival(at: 12) == k.survival(at: 10) && k.survival(at: 100) == k.survival(at: 23))
        #expect(near(k.probabilityEventBy(14), 1 - 0.69019607843137243) && k.probabilityEventBy(0) == 0)
        #expect(k.count == 21)
    }

    @Test func groupedInputIsMergedAndOrdered() {
        let grouped = KaplanMeier(grouped: [(time: 23, events: 1, censored: 0), (time: 6, events: 2, censored: 0), (time: 32, events: 0, censored: 2),
                                            (time: 6, events: 1, censored: 1), (time: 7, events: 1, censored: 0), (time: 9, events: 0, censored: 1),
                                            (time: 10, events: 1, censored: 1), (time: 11, events: 0, censored: 1), (time: 13, events: 1, censored: 0),
                                            (time: 16, events: 1, censored: 0), (time: 17, events: 0, censored: 1), (time: 19, events: 0, censored: 1),
                                            (time: 20, events: 0, censored: 1), (time: 22, events: 1, censored: 0), (time: 25, events: 0, censored: 1),
                                            (time: 34, events: 0, censored: 1), (time: 35, events: 0, censored: 1), (time: 40, events: 0, censored: 0)])
        #expect(grouped == km(Self.sixMP))
    }

    @Test func aFlatExactlyAtTheQuantileTakesItsMiddleAsR() {
        // R survival: without censoring the median is the ordinary median, 2.5, and q25 1.5, q75 3.5.
        // (lifelines' median_survival_time_ gives 2 here: it takes the first time with S ≤ 0.5.)
        let k = km([1, 2, 3, 4])
        expectSteps(k, [(1, 4, 1, 0, 0.75, 0.21650635094610965), (2, 3, 1, 0, 0.5, 0.25), (3, 2, 1, 0, 0.25, 0.21650635094610965), (4, 1, 1, 0, 0, nil)])
        #expect(k.median == 2.5 && k.quantile(0.25) == 1.5 && k.quantile(0.75) == 3.5 && k.quantile(1) == 4)
        // A flat at 0.5 that ends the curve: R takes the middle up to the last follow-up, (3 + 30) / 2 = 16.5; q25 2, q75 NA.
        // (lifelines computes S = 0.5000000000000001 there and reports no median at all.)
        let flat = km([1, 2, 3, -4, -30, -30])
        expectSteps(flat, [(1, 6, 1, 0, 0.83333333333333337, 0.15214515486254615), (2, 5, 1, 0, 0.66666666666666674, 0.19245008972987529),
                           (3, 4, 1, 0, 0.5, 0.20412414523193151), (4, 3, 0, 1, 0.5, 0.20412414523193151), (30, 2, 0, 2, 0.5, 0.20412414523193151)])
        #expect(flat.median == 16.5 && flat.quantile(0.25) == 2 && flat.quantile(0.75) == nil)
    }

    @Test func aCurveThatEndsWithAnEvent() {
        // R survival: S reaches 0 at 9 (std.err NaN there); median 8, q25 3, q75 9. Censored at 3 and 8 still count as at risk then.
        let k = km([2, -3, 3, 5, -8, 8, 9])
        expectSteps(k, [(2, 7, 1, 0, 0.8571428571428571, 0.13226001425322162), (3, 6, 1, 1, 0.7142857142857143, 0.17074694419062766),
                        (5, 4, 1, 0, 0.5357142857142857, 0.20078653649124883), (8, 3, 1, 1, 0.3571428571428571, 0.19793025246194718),
                        (9, 1, 1, 0, 0, nil)])
        #expect(k.median == 8 && k.quantile(0.25) == 3 && k.quantile(0.75) == 9)
        #expect(k.probabilityEventBy(9) == 1)
        // Ties of two events, R survival: median 3, q25 2, q75 5.
        let ties = km([1, 1, 2, -2, 3, 3, -4, 4, 5, 5])
        expectSteps(ties, [(1, 10, 2, 0, 0.8, 0.12649110640673519), (2, 8, 1, 1, 0.7, 0.14491376746189438), (3, 6, 2, 0, 0.46666666666666667, 0.16577539468051791),
                           (4, 4, 1, 1, 0.35, 0.16020819787597221), (5, 2, 2, 0, 0, nil)])
        #expect(ties.median == 3 && ties.quantile(0.25) == 2 && ties.quantile(0.75) == 5)
    }

    @Test func allCensoredHasNoMedian() {
        // R survival: surv 1, std.err 0, median NA.
        let k = km([-5, -5, -5])
        expectSteps(k, [(5, 3, 0, 3, 1, 0)])
        #expect(k.median == nil && k.probabilityEventBy(100) == 0)
        let empty = KaplanMeier(grouped: [])
        #expect(empty.steps.isEmpty && empty.median == nil && empty.survival(at: 3) == 1 && empty.count == 0)
    }
}

@Suite struct SegmentedRegressionTests {
    func check(_ s: SegmentedRegression, _ reference: [(Double, Double, Double, Double)], tolerance: Double = 1e-9) {
        for (c, r) in zip([s.baselineLevel, s.baselineSlope, s.levelChange, s.slopeChange], reference) {
            #expect(near(c.estimate, r.0, tolerance) && near(c.standardError, r.1, tolerance), "\(c) against \(r)")
            #expect(near(c.interval.lower, r.2, tolerance) && near(c.interval.upper, r.3, tolerance), "\(c) against \(r)")
        }
    }

    static let y = [10, 10.4, 9.8, 10.9, 11.2, 10.7, 11.5, 11.9, 9.1, 9.0, 8.6, 8.9, 8.2, 8.4, 7.9, 7.7]
    static let points = y.enumerated().map { (t: Double($0), y: $1) }

    @Test func ordinaryLeastSquaresMatchesStatsmodels() throws {
        // statsmodels OLS(y, [1, t, post, (t − 8)·post]).fit(): params, bse, conf_int() (95%); sqrt(scale).
        let s = try #require(SegmentedRegression.fit(Self.points, interruption: 8))
        check(s, [(9.891666666666682, 0.19418207923024203, 9.468580261148372, 10.314753072184992),
                   (0.2595238095238074, 0.046418395303204615, 0.15838681430462015, 0.3606608047429946),
                   (-2.801190476190473, 0.30438577359751295, -3.464390104872918, -2.1379908475080276),
                   (-0.4571428571428561, 0.06564552418138757, -0.6001721674394935, -0.31411354684621856)])
        #expect(s.degreesOfFreedom == 12 && near(s.residualStandardError, 0.30082558359626244))
        #expect(s.levelChange.interval.excludes(0) && s.slopeChange.interval.excludes(0))
    }

    @Test func weightedLeastSquaresMatchesStatsmodels() throws {
        // statsmodels WLS(y, X, weights = w).fit()
        let w: [Double] = [120, 130, 110, 150, 140, 125, 160, 170, 90, 100, 95, 105, 80, 85, 110, 100]
        let s = try #require(SegmentedRegression.fit(Self.points, interruption: 8, weights: w))
        check(s, [(9.911540142459529, 0.18615557799671748, 9.505941980806163, 10.317138304112895),
                   (0.26148685431250707, 0.04232569824079003, 0.1692670799608501, 0.353706628664164),
                   (-2.824961145557266, 0.2971639707836177, -3.4724258176154694, -2.1774964734990623),
                   (-0.4614988399297671, 0.06615486316596349, -0.6056379045406484, -0.3173597753188859)])
        #expect(near(s.residualStandardError, 3.2515099498694324))
        // Equal weights are ordinary least squares.
        let equal = try #require(SegmentedRegression.fit(Self.points, interruption: 8, weights: Array(repeating: 3, count: 16)))
        #expect(near(equal.levelChange.estimate, -2.801190476190473) && near(equal.levelChange.standardError, 0.30438577359751295))
    }

    @Test func calendarTimesBetweenPointsAndAnotherConfidence() throws {
        // Quarterly times in years (badly conditioned for the normal equations), go-live between two quarters.
        // statsmodels OLS, conf_int(alpha = 0.10).
        let t = [2019.0, 2019.25, 2019.5, 2019.75, 2020.0, 2020.25, 2020.5, 2020.75, 2021.0, 2021.25, 2021.5]
        let y = [31.2, 30.8, 32.1, 31.7, 33.0, 29.4, 28.7, 28.9, 27.5, 27.9, 26.8]
        let s = try #require(SegmentedRegression.fit(zip(t, y).map { (t: $0, y: $1) }, interruption: 2020.1, confidence: 0.90))
        check(s, [(-3603.339999999836, 1203.9821055269892, -5884.378738042487, -1322.3012619571841),
                   (1.7999999999999194, 0.596178305063784, 0.6704933384072513, 2.9295066615925878),
                   (-3.151999999999309, 0.5756690281160224, -4.242650224280882, -2.061349775717736),
                   (-3.72000000000023, 0.747349056495879, -5.135911532971525, -2.3040884670289348)], tolerance: 1e-8)
    }

    @Test func aPerfectFitHasNoUncertainty() throws {
        let points = (0..<12).map { i -> (t: Double, y: Double) in
            let t = Double(i), post = t >= 6 ? 1.0 : 0
            return (t, 2 + 0.5 * t - 3 * post + 1.5 * (t - 6) * post)
        }
        let s = try #require(SegmentedRegression.fit(points, interruption: 6))
        for (c, b) in zip([s.baselineLevel, s.baselineSlope, s.levelChange, s.slopeChange], [2, 0.5, -3, 1.5]) {
            #expect(near(c.estimate, b, 1e-12) && c.standardError < 1e-12 && c.interval.width < 1e-11)
        }
    }

    @Test func tooFewOrUnusablePoints() {
        let eight = (0..<8).map { (t: Double($0), y: Double($0 % 3)) }
        #expect(SegmentedRegression.fit(eight, interruption: 4) != nil)
        #expect(SegmentedRegression.fit(eight, interruption: 2) == nil)      // 2 before
        #expect(SegmentedRegression.fit(eight, interruption: 6) == nil)      // 2 after
        #expect(SegmentedRegression.fit(Array(eight.prefix(7)), interruption: 4) == nil)
        #expect(SegmentedRegression.fit(eight, interruption: 4, weights: [1, 1, 1, 1, 1, 1, 1, 0]) == nil)
        #expect(SegmentedRegression.fit(eight, interruption: 4, weights: [1, 1]) == nil)
        // All points after the interruption at the same time: the slope change cannot be estimated.
        let stacked = (0..<8).map { (t: $0 < 4 ? Double($0) : 4, y: Double($0)) }
        #expect(SegmentedRegression.fit(stacked, interruption: 4) == nil)
    }
}

@Suite struct PChartTests {
    @Test func limitsWidenWithSmallDenominatorsAndAreClipped() {
        // p̄ = 60/300 = 0.2; limits 0.2 ± 3·√(0.16/n): n = 100 → ± 0.12, n = 25 → ± 0.24 (lower clipped to 0), n = 4 → ± 0.6.
        let c = PChart(points: [(numerator: 10, denominator: 100), (numerator: 32, denominator: 100), (numerator: 5, denominator: 25),
                                (numerator: 0, denominator: 0), (numerator: 13, denominator: 75)])
        #expect(near(c.centre, 0.2))
        #expect(near(c.points[0].lowerLimit, 0.08) && near(c.points[0].upperLimit, 0.32))
        #expect(c.points[2].lowerLimit == 0 && near(c.points[2].upperLimit, 0.44))
        #expect(c.points[3].proportion == nil && c.points[3].lowerLimit == nil && c.points[3].upperLimit == nil && !c.points[3].outside)
        // 0.32 lies exactly on the upper limit: not outside.
        #expect(!c.anyOutside)
        // p̄ = 41/202; a month of 2 has limits wider than [0, 1].
        let wide = PChart(points: [(numerator: 0, denominator: 100), (numerator: 40, denominator: 100), (numerator: 1, denominator: 2)])
        #expect(wide.points.map(\.outside) == [true, true, false])
        #expect(wide.points[2].lowerLimit == 0 && wide.points[2].upperLimit == 1)
    }

    @Test func aBaselineFixesTheCentre() {
        let rows = [(numerator: 20, denominator: 100), (numerator: 22, denominator: 100), (numerator: 18, denominator: 100), (numerator: 40, denominator: 100)]
        let c = PChart(points: rows, baseline: 0..<3)
        #expect(near(c.centre, 0.2) && c.points.map(\.outside) == [false, false, false, true])
        #expect(PChart(points: rows, baseline: 2..<10).centre.map { near($0, 0.29) } == true)   // clamped to the points there are
        #expect(PChart(points: [(numerator: 0, denominator: 0)]).centre == nil)
        #expect(PChart(points: []).points.isEmpty)
    }
}

@Suite struct RunsAnalysisTests {
    @Test func limitsMatchTheBinomialAndThePublishedTable() {
        // R qbinom(0.05, n − 1, 0.5) = scipy.stats.binom.ppf, for n = 2...100 useful points.
        let crossings = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4, 5, 5, 6, 6, 6, 7, 7, 8, 8, 8, 9, 9, 10, 10, 11, 11, 11, 12, 12, 13,
                         13, 14, 14, 14, 15, 15, 16, 16, 17, 17, 17, 18, 18, 19, 19, 20, 20, 21, 21, 21, 22, 22, 23, 23, 24, 24, 25, 25,
                         25, 26, 26, 27, 27, 28, 28, 29, 29, 29, 30, 30, 31, 31, 32, 32, 33, 33, 34, 34, 34, 35, 35, 36, 36, 37, 37, 38,
                         38, 39, 39, 39, 40, 40, 41, 41]
        for (n, minimum) in zip(2...100, crossings) {
            let limits = RunsAnalysis.limits(useful: n)
            #expect(limits.minimumCrossings == minimum, "n=\(n)")
            #expect(limits.longestRun == Int((log2(Double(n)) + 3).rounded()), "n=\(n)")
        }
        // Anhøj & Olesen (2014), table 1: longest run > 6, 7, 8 and fewer than 2, 6, 10 crossings signal.
        #expect(RunsAnalysis.limits(useful: 10) == (6, 2) && RunsAnalysis.limits(useful: 20) == (7, 6) && RunsAnalysis.limits(useful: 30) == (8, 10))
        // scipy.stats.binom.ppf(0.05, n − 1, 0.5) for longer series.
        #expect([200, 500, 1000, 1500].map { RunsAnalysis.limits(useful: $0).minimumCrossings } == [88, 231, 474, 718])
        #expect(RunsAnalysis.limits(useful: 0) == (0, 0) && RunsAnalysis.limits(useful: 1) == (3, 0))
    }

    @Test func pointsOnTheMedianAreLeftOut() {
        // Median 6; the 6 is dropped: five below, five above, one crossing (< 2) — a signal, though no run exceeds 6.
        let r = RunsAnalysis(values: (1...11).map(Double.init))
        #expect(r.centre == 6 && r.useful == 10 && r.longestRun == 5 && r.crossings == 1)
        #expect(r.fewCrossings && !r.longRun && r.signal)
        // A point on the line neither breaks nor extends a run: below ×3, on, below ×2 is one run of 5.
        let s = RunsAnalysis(values: [1, 1, 1, 5, 1, 1, 9, 9], centre: 5)
        #expect(s.useful == 7 && s.longestRun == 5 && s.crossings == 1)
    }

    @Test func shiftsAndNoise() {
        // Ten above, then ten below a given centre: a run of 10 > 7 and 1 crossing < 6.
        let shift = RunsAnalysis(values: Array(repeating: 2.0, count: 10) + Array(repeating: 0.0, count: 10), centre: 1)
        #expect(shift.longRun && shift.fewCrossings && shift.signal && shift.longestRun == 10 && shift.crossings == 1)
        // Alternating: 19 crossings, runs of 1.
        let noise = RunsAnalysis(values: (0..<20).map { Double($0 % 2) }, centre: 0.5)
        #expect(!noise.signal && noise.crossings == 19 && noise.longestRun == 1)
        // A p-chart's centre: proportions equal to p̄ (up to rounding) are on the line.
        let onLine = RunsAnalysis(values: [0.1 + 0.2, 0.3, 0.5, 0.1], centre: 0.3)
        #expect(onLine.useful == 2 && onLine.crossings == 1)
        let none = RunsAnalysis(values: [])
        #expect(none.useful == 0 && !none.signal)
    }
}
