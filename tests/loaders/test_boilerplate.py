"""Boilerplate rules: each kind of site chrome is dropped, article sentences are kept."""
from __future__ import annotations

import pytest

from loaders.boilerplate import (is_boilerplate, is_comment_notice, is_cross_link, is_menu, is_newsletter_prompt,
                                 is_photo_credit, is_seo_spam, is_share_row, is_widget_label,
                                 remove_boilerplate)


@pytest.mark.parametrize("rule,line", [
    (is_share_row, "Facebook Twitter LinkedIn WhatsApp E-mail"),
    (is_share_row, "Partager sur Facebook Partager sur X Copier le lien"),
    (is_share_row, "Share Tweet Email Print"),
    (is_share_row, "Share this article: Facebook Twitter LinkedIn Email"),
    (is_share_row, "Partager cet article : Facebook X LinkedIn WhatsApp"),
    (is_share_row, "Suivez-nous sur : Instagram YouTube TikTok"),
    (is_newsletter_prompt, "Inscrivez-vous à notre newsletter quotidienne"),
    (is_newsletter_prompt, "Recevez gratuitement toute l'actualité des startups"),
    (is_newsletter_prompt, "Subscribe to our weekly newsletter"),
    (is_comment_notice, "Réagir"),
    (is_comment_notice, "12 commentaires"),
    (is_comment_notice, "Les commentaires sont modérés selon notre charte."),
    (is_comment_notice, "Comments are moderated according to our community guidelines."),
    (is_comment_notice, "Leave a reply"),
    (is_photo_credit, "Le fondateur lors du salon. © Jean Martin / Agence Nord"),
    (is_photo_credit, "Crédit photo : Studio Lumière"),
    (is_photo_credit, "Photo: Getty Images"),
    (is_cross_link, "Lire aussi : Marc Petit quitte la direction de Brightloop"),
    (is_cross_link, "À lire aussi – La fintech Kobalt rachetée par Nordbank"),
    (is_cross_link, "Read more: How Maya Olsen built Brightloop"),
    (is_cross_link, "Related: Acme acquires Zeta for $40M"),
    (is_cross_link, "Publicité"),
    (is_cross_link, "ADVERTISEMENT"),
    (is_menu, "Accueil | Startups | Financement | Portraits"),
    (is_menu, "Home › Tech › Funding"),
    (is_widget_label, "×"),
    (is_widget_label, "x"),
    (is_widget_label, "media"),
    (is_widget_label, "* * *"),
    (is_seo_spam, "Meilleur Crédit Pour Votre Maison"),
    (is_seo_spam, "Best Deals Of The Week"),
    (is_seo_spam, "combien gagne un youtubeur en france"),
    (is_seo_spam, "Achat Voiture En Ligne Comment financer une voiture d'occasion"),
])
def test_boilerplate_rule_recognizes(rule, line: str) -> None:
    assert rule(line)
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Léa Dubois a cofondé Atelier Numérique en 2019 avec deux amis d'école.",
    "Maya Olsen met her first investor at a conference in Boston.",
    "Il a levé 3 millions d'euros auprès de Horizon Capital et de Nord Ventures.",
    "Léa Dubois",
    "Rédigé par",
    "Une culture du mentorat",
    "Marc Petit, en Bretagne",
    "SMT : Parlez un peu du rôle que joue le réseautage.",
    "She posted on Facebook and Twitter about the comment she received, then left.",
    "« Je partage tout sur LinkedIn », explique-t-elle.",
    "Lire aussi les conditions du contrat a été son premier réflexe, raconte Léa Dubois.",
    "Related companies in the sector have raised less this year.",
    "Publicité et marketing : Léa Dubois a fondé Atelier Numérique en 2019.",
    "Share this: the founders met on LinkedIn and Twitter before raising money.",
    "Partage d'expérience : Léa Dubois raconte sa levée sur LinkedIn.",
    # a subheading in capitals glued to its paragraph by the page's markup
    'LE REFUS DE NORDBANK ET DE KOBALT"On a voulu faire autrement", souligne Léa Dubois, fondatrice d\'Atelier.',
])
def test_boilerplate_keeps_article_lines(line: str) -> None:
    assert not is_boilerplate(line)


def test_boilerplate_remove_keeps_paragraphs_and_first_heading() -> None:
    text = "\n".join([
        "Recevez chaque jour toute l'actualité du numérique",
        "Une levée record",
        "Twitter Facebook Linkedin Email",
        "Une levée record",
        "Léa Dubois a cofondé Atelier Numérique.",
        "",
        "Photo de l'équipe © Studio Nord",
        "Réagir",
        "Elle a levé 2 millions d'euros.",
    ])
    assert remove_boilerplate(text) == (
        "Une levée record\n\nLéa Dubois a cofondé Atelier Numérique.\n\nElle a levé 2 millions d'euros.")


@pytest.mark.parametrize("line,expected", [
    ("Imagej'ai rencontré Léa Dubois.", "j'ai rencontré Léa Dubois."),
    ("Photol’équipe a fondé Atelier Numérique.", "l’équipe a fondé Atelier Numérique."),
    ("Imagerie Nord a été fondée en 2019.", "Imagerie Nord a été fondée en 2019."),
    ("ImageNet a changé la vision par ordinateur.", "ImageNet a changé la vision par ordinateur."),
])
def test_boilerplate_remove_strips_only_glued_image_labels(line: str, expected: str) -> None:
    assert remove_boilerplate(line) == expected
