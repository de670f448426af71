/// Why a summary cannot be the baseline of a round.
public enum BaselineError: Error, Sendable, CustomStringConvertible {
    case unusable(RollupError)
    case otherStandard(path: String, used: String, current: String)
    case otherRules(path: String, label: String)
    case rollup(path: String)
    case otherArea(path: String, baseline: String, current: String)

    public var description: String { text(.en) }

    /// What went wrong, in `language`: one line, whatever the text it quotes from the baseline
    /// holds (see `RollupError.text`).
    public func text(_ language: Language) -> String {
        Escaping.singleLine(message(language))
    }

    private func message(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .unusable(.unreadable(let path, let failure)):
            return zh ? "无法读取基线 \(path)：\(failure.reason(.zh))" : "cannot read the baseline \(path): \(failure.reason(.en))"
        case .unusable(let error):
            return error.text(language)
        case .otherStandard(let path, let used, let current):
            return zh ? "基线 \(path) 按 \(used) 评分，不是 \(current)；只有同一标准下的得分才能比较"
                : "the baseline \(path) was scored under \(used), not \(current); scores are comparable only under the same standard"
        case .otherRules(let path, let label):
            return zh ? "基线 \(path) 也按 \(label) 评分，但计分规则与本次所用的不同（权重、细则、等级线或期限）；改过的标准须有自己的版本号"
                : "the baseline \(path) was scored under \(label) too, "
                    + "but with other scoring rules (weights, criteria, bars or deadlines); "
                    + "a tailored standard needs a version of its own"
        case .rollup(let path):
            return zh ? "基线 \(path) 是合并汇总（audit rollup）；一个县的本轮只能与该县上一轮的 summary.json 比较"
                : "the baseline \(path) is a rollup (audit rollup); a county's round compares with that county's previous summary.json"
        case .otherArea(let path, let baseline, let current):
            return zh ? "基线 \(path) 是 \(baseline) 的汇总，本轮是 \(current)；请用该地区上一轮的 summary.json"
                : "the baseline \(path) is the summary of \(baseline), this round is \(current); use that area's previous summary.json"
        }
    }
}

extension Rollup {
    /// The summary at `path`, as the baseline of a round scored under `standard` for `region`:
    /// the same standard and scoring rules, one area's summary (not a rollup), and the same area.
    public static func baseline(_ path: String, standard: Standard, region: String?) throws(BaselineError) -> SummaryDocument {
        let document: SummaryDocument
        do {
            document = try read(path).document
        } catch {
            throw .unusable(error)
        }
        let used = document.standard
        guard used.id == standard.id, used.version == standard.version else {
            throw .otherStandard(path: path, used: "\(used.id) \(used.version)", current: standard.label)
        }
        if let digest = used.sha256, digest != standard.scoringDigest { throw .otherRules(path: path, label: standard.label) }
        // A rollup holds many counties' units, which a county's round would all list as gone.
        guard document.byRegion.isEmpty, document.units.allSatisfy({ $0.region == nil }) else { throw .rollup(path: path) }
        if let region, let other = document.region, other != region { throw .otherArea(path: path, baseline: other, current: region) }
        return document
    }
}
