"""Drop site boilerplate from article text, line by line, by general rules.

Each rule is a small predicate over one line (and, for repeated headings, the
lines around it). Rules describe kinds of boilerplate seen on news and blog
sites: share-button rows, newsletter prompts, menus, photo credits, comment
notices, lone widget labels and SEO spam. No rule names a site or a line.
"""
from __future__ import annotations

import re
from typing import Callable

_SHARE_WORDS = {
    "twitter", "x", "facebook", "linkedin", "flipboard", "email", "e-mail", "mail", "whatsapp", "telegram",
    "reddit", "pinterest", "tumblr", "messenger", "pocket", "print", "imprimer", "partager", "share",
    "tweet", "tweeter", "copier", "copy", "link", "lien", "le", "the", "sms", "bluesky", "threads", "mastodon",
    "instagram", "youtube", "tiktok", "viadeo", "xing", "envoyer", "send", "google+", "+", "sur", "on", "via",
    "par", "to", "by",
}
_NEWSLETTER = re.compile(
    r"\b(?:newsletters?|abonnez[- ]vous|inscrivez[- ]vous|je m'abonne|subscribe|sign up|recevez (?:chaque|"
    r"gratuitement|toute|nos)|get (?:our|the) (?:daily|weekly|latest)|s'abonner|unsubscribe)\b",
    re.IGNORECASE,
)
_COMMENT_NOTICE = re.compile(
    r"(?:\bcommentaires?\b.*\b(?:modération|modérés?|postés?|publiés?|charte)\b|\bcomments?\b.*\b(?:moderat\w*|"
    r"posted|policy|guidelines)\b|^(?:\d+\s+)?(?:réagir|commenter|comments?|commentaires?|leave a (?:comment|reply)|"
    r"laisser un commentaire|ajouter un commentaire|add a comment|voir les commentaires)\s*:?$)",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"(?:©|\(c\)\s|\bcopyright\b|\b(?:crédits?|credits?) ?(?:photo)?s?\s*:|\bphotos?\s*(?:credit)?\s*:|"
    r"\b(?:getty images|shutterstock|istock|afp photo|reuters/)\b)",
    re.IGNORECASE,
)
_CROSS_LINK = re.compile(
    r"^\W*(?:(?:à |a )?lire (?:aussi|également|ensuite)|(?:à )?voir aussi|sur le même (?:sujet|thème)|"
    r"(?:à )?découvrir aussi|read (?:more|also|next)|also read|see also|related(?: articles?| stories)?|"
    r"more on this|publicité|advertisement|sponsoris[ée]+|sponsored(?: content)?|contenu sponsorisé|"
    r"partenariat|pub)\b\s*(?:[:>»|–—-]|$)",
    re.IGNORECASE,
)
_MENU_SEPARATORS = re.compile(r"\s(?:\||·|•|»|›|>|/)\s")
#: An image placeholder glued to the first word of a paragraph: "Imagej’ai eu la chance…".
_LEADING_IMAGE_LABEL = re.compile(r"^(?:Image|Photo|Illustration|Vidéo|Video)(?=(?:[jldcnmst]|qu)['’]\w)")
_SENTENCE_END = re.compile(r"[.!?…:;»\"”)]\s*$")
_FRENCH_FUNCTION_WORDS = {
    "de", "du", "des", "le", "la", "les", "en", "pour", "votre", "vos", "sur", "avec", "et", "un", "une", "au",
    "aux", "par", "dans", "ou",
}
_ENGLISH_FUNCTION_WORDS = {"of", "the", "for", "and", "in", "to", "your", "on", "with", "a", "an", "or"}


def _words(line: str) -> list[str]:
    return re.findall(r"[\w+'’-]+", line)


_SHARE_LEAD_IN = re.compile(r"^\s*(?:partage[rz]?|share|suivez|follow)\b[^:]{0,40}:\s*", re.IGNORECASE)


def is_share_row(line: str) -> bool:
    """A row of share buttons: a few words, all of them share targets or actions.

    A lead-in such as "Partager cet article :" or "Share this story:" may come first.
    """
    words = [w.casefold() for w in _words(_SHARE_LEAD_IN.sub("", line))]
    return 2 <= len(words) <= 12 and sum(w in _SHARE_WORDS for w in words) >= max(2, len(words) - 1)


def is_newsletter_prompt(line: str) -> bool:
    """A call to subscribe, short enough not to be a paragraph about newsletters."""
    return len(_words(line)) <= 25 and bool(_NEWSLETTER.search(line))


def is_comment_notice(line: str) -> bool:
    """A comment prompt or moderation notice."""
    return len(_words(line)) <= 30 and bool(_COMMENT_NOTICE.search(line.strip(" *")))


def is_photo_credit(line: str) -> bool:
    """A caption line that credits a photo (© …, Crédit photo : …)."""
    return len(_words(line)) <= 40 and bool(_CREDIT.search(line))


def is_cross_link(line: str) -> bool:
    """A link to another article or an ad label ("Lire aussi : …", "Read more: …", "Publicité")."""
    return len(_words(line)) <= 30 and bool(_CROSS_LINK.search(line))


def is_menu(line: str) -> bool:
    """Navigation: short labels separated by pipes, bullets or chevrons."""
    if len(_MENU_SEPARATORS.findall(f" {line} ")) < 2:
        return False
    parts = [p for p in re.split(r"[|·•»›]", line) if p.strip()]  # linear: no \s* before the separator
    return all(len(_words(p)) <= 4 for p in parts)


def is_widget_label(line: str) -> bool:
    """A lone symbol or lower-case word left over from a widget ("x", "×", "media", "menu")."""
    stripped = line.strip()
    if not any(c.isalnum() for c in stripped):
        return True
    words = _words(stripped)
    return len(words) == 1 and (len(stripped) <= 2 or stripped[0].islower())


def is_seo_spam(line: str) -> bool:
    """Search-engine bait: a run of capitalized function words, or a bare lower-case search query."""
    words = _words(line)
    if len(words) >= 3:
        capitalized = 0
        for word in words:
            if not word[0].isupper():
                break
            capitalized += 1
        leading = [w.casefold() for w in words[:capitalized]]
        function_words = sum(w in _FRENCH_FUNCTION_WORDS or w in _ENGLISH_FUNCTION_WORDS for w in leading)
        if capitalized >= 3 and function_words >= 1 and capitalized == len(words):
            return True
        heading = all(w.isupper() or not any(c.isalpha() for c in w) for w in words[:capitalized - 1])
        if capitalized >= 4 and function_words >= 1 and not heading \
                and not _SENTENCE_END.search(" ".join(words[:capitalized])):
            # "Principal Marketing En Ligne Comment …": a spam prefix glued to a heading (a heading in capitals
            # glued to its paragraph, "REFUS DE X ET DE Y\"On a voulu …", is the page's layout, not spam).
            return any(w.casefold() in _FRENCH_FUNCTION_WORDS for w in leading[1:])
    stripped = line.strip()
    return (3 <= len(words) <= 12 and stripped[:1].islower() and not _SENTENCE_END.search(stripped)
            and not stripped.endswith(","))


LINE_RULES: tuple[Callable[[str], bool], ...] = (
    is_share_row, is_newsletter_prompt, is_comment_notice, is_photo_credit, is_cross_link, is_menu,
    is_widget_label,
    is_seo_spam,
)


def is_boilerplate(line: str) -> bool:
    """True when any rule recognizes the line as site boilerplate."""
    return any(rule(line) for rule in LINE_RULES)


def remove_boilerplate(text: str) -> str:
    """The text without boilerplate lines and repeated headings; paragraphs stay separated by a blank line."""
    kept: list[str] = []
    seen_short: set[str] = set()
    lines = [_LEADING_IMAGE_LABEL.sub("", line).strip() for line in text.split("\n")]
    for line in lines:
        if not line:
            continue
        if is_boilerplate(line):
            continue
        if len(_words(line)) <= 30:
            # A heading or caption repeated by the page layout: keep its first occurrence only.
            if line in seen_short:
                continue
            seen_short.add(line)
        kept.append(line)
    return "\n\n".join(kept)
