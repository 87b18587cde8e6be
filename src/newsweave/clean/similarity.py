"""How close a block of lines is to the rest of the article (TF-IDF cosine, scikit-learn)."""

from __future__ import annotations


def block_similarity(block: list[str], body: list[str]) -> float:
    """Cosine similarity of ``block`` and ``body`` in a TF-IDF space fit on the article's lines.

    Document frequencies come from the article's own lines, and a word found in every line gets
    weight 0 (idf ``ln(n/df)``), so function words and the site's name do not count: the score
    reflects shared subject matter, in any language, without a stop-word list.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    if not block or not body:
        return 0.0
    vec = TfidfVectorizer(sublinear_tf=True, smooth_idf=False, token_pattern=r"(?u)\b\w\w+\b")
    try:
        vec.fit(block + body)
    except ValueError:  # no word tokens at all
        return 0.0
    vec.idf_ = vec.idf_ - 1.0
    m = vec.transform([" ".join(block), " ".join(body)])
    return float(cosine_similarity(m[0], m[1])[0, 0])
