package app.clientdesk.planning.internal;

import app.clientdesk.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Today, the staff's home page: what the signed-in person has on today, and what needs them first. */
@Controller
class TodayController {

    private final TodayBoard board;

    TodayController(TodayBoard board) {
        this.board = board;
    }

    @GetMapping("/today")
    String today(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        model.addAttribute("page", board.of(viewer));
        return "planning/today";
    }
}
