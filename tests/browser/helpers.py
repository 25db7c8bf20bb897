"""What the browser tests share: axe-core, the sideways-scroll check, and signing in."""

import re
from pathlib import Path

from django.urls import reverse

from netcompanion.accounts.models import User
from netcompanion.accounts.testing import PASSWORD, device_shown, unused_code
from netcompanion.accounts.two_factor import confirmed_device, current_code

AXE = (Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page) -> list[str]:
    """The page's axe-core violations, one line each: "id (impact): help at [targets]".

    It first waits for the page's load event: after a form is sent, the new page's text can show before its
    stylesheet applies, and axe would then judge unstyled links (too-small targets) that no person ever sees."""
    page.wait_for_load_state("load")
    page.evaluate(AXE)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]]


def sideways_overflow(page) -> int:
    """How many pixels the page is wider than the window (0 or less: it fits)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def page_problems(page) -> list[str]:
    """The axe-core violations, and "scrolls sideways by Npx" if the page does not fit the window."""
    problems = axe_violations(page)
    overflow = sideways_overflow(page)
    return problems + ([f"scrolls sideways by {overflow}px"] if overflow > 0 else [])


def open_menu(page):
    """Opens the header's menu, as a person on a phone taps "Menu" to reach the site's links and search; on a wide
    screen they show already and there is no button."""
    menu = page.locator(".site-menu")
    if menu.locator("summary").is_visible() and menu.get_attribute("open") is None:
        menu.locator("summary").click()


TARGETS = "a[href], button, input[type=submit], input[type=checkbox], input[type=radio], summary"
# A link is exempt only inside running text (WCAG 2.2, 2.5.8 "Inline"): the block around it has words of its own,
# not only other links and separators. A citation number is a target of its own, never exempt.
_SMALL_TARGETS = """([selector, minimum]) => {
    const ownWords = block => {
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        let words = "";
        while (walker.nextNode()) {
            if (!walker.currentNode.parentElement.closest("a, button, summary")) { words += walker.currentNode.data; }
        }
        return /\\p{L}{2,}/u.test(words);
    };
    const inRunningText = el => {
        if (el.tagName !== "A" || getComputedStyle(el).display !== "inline" || el.closest("sup")) { return false; }
        let block = el.parentElement;
        while (getComputedStyle(block).display.startsWith("inline")) { block = block.parentElement; }
        return ownWords(block);
    };
    return Array.from(document.querySelectorAll(selector)).flatMap(el => {
        const box = el.getBoundingClientRect();
        if (!el.checkVisibility({visibilityProperty: true}) || box.width === 0 || box.height === 0
            || (box.width >= minimum && box.height >= minimum) || inRunningText(el)) { return []; }
        const name = (el.innerText || el.value || el.getAttribute("aria-label") || el.name || "").trim().slice(0, 40);
        return [`${el.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}x${Math.round(box.height)}px`];
    });
}"""


def small_targets(page, minimum=24) -> list[str]:
    """The visible links, buttons, tick boxes, radio buttons and summaries smaller than ``minimum`` px either way,
    as 'a "Delete" 48x20px', except links inside running text (which WCAG 2.2 exempts)."""
    return page.evaluate(_SMALL_TARGETS, [TARGETS, minimum])


def small_actions(page, minimum=44) -> list[str]:
    """The page's main actions (its submit buttons and button-styled links) smaller than ``minimum`` px; a row's own
    small button (``.button-small``, such as "Mark as asked" beside each question) is not one of them."""
    selector = ", ".join(f"main {s}:not(.button-small)" for s in ("button[type=submit]", "input[type=submit]",
                                                                   "a.button"))
    return page.evaluate(_SMALL_TARGETS, [selector, minimum])


def settle(page):
    """Waits until what the page in view started has answered: its own requests, and a service worker it is
    installing, which fetches the diary form and so sets a CSRF cookie. Landing after the cookies were cleared for
    the next person, that cookie no longer matched their sign-in form, refused now and then (403)."""
    page.wait_for_load_state("networkidle")
    page.evaluate("""async () => {
        try {
            const registration = navigator.serviceWorker && await navigator.serviceWorker.getRegistration();
            if (registration && (registration.installing || registration.waiting)) await navigator.serviceWorker.ready;
        } catch (error) { /* a page with no origin (about:blank) has no service worker */ }
    }""")


def sign_in(page, live_server, username, password=PASSWORD):
    """Signs in with the real form. A care-team or admin account then types the code its authenticator
    shows, setting one up first if it has none, as a person with the app on their phone would."""
    settle(page)
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label(re.compile("Username|Användarnamn")).fill(username)
    page.get_by_label(re.compile("Password|Lösenord")).fill(password)
    page.get_by_role("button", name=re.compile("^(Sign in|Logga in)$")).click()
    if page.url.startswith(live_server.url + reverse("two_factor")):
        enter_code(page, User.objects.get(username=username))


def enter_code(page, user):
    """On the two-factor page: types a code the device accepts now, and continues. While setting up, the code comes
    from the key the page shows (as the person's app would read it), and the recovery codes page is passed."""
    device = confirmed_device(user)
    setting_up = device is None
    if setting_up:
        device = device_shown(user, page.locator(".otp-key").inner_text())
    page.get_by_label(re.compile("Code from your authenticator app|Kod från din autentiseringsapp")).fill(
        current_code(device) if setting_up else unused_code(device))
    page.get_by_role("button", name=re.compile(
        r"^(Continue|Turn on two-factor sign-in|Fortsätt|Slå på inloggning i två steg)$")).click()
    if setting_up:
        page.get_by_role("link", name=re.compile("I have kept my codes, continue|Jag har sparat mina koder, fortsätt")
                         ).click()
