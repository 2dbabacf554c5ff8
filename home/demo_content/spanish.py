"""The Spanish demo: Spanish versions of some demo terms and articles, keyed by the English page's slug.

Written for patients in plain Spanish (usted, short sentences, everyday words, medical words explained), at
about the level of MedlinePlus en español. ``home.demo_translation`` makes each one as a translator would: a
copy of the signed-off English page, with these words filled in. The copy keeps the English page's references
(the same sources) and its related pages, pointed at their Spanish versions; so the entries here give only
the words, and the Spanish slug comes from the Spanish title ("Remisión" gives "remision").
"""

from dataclasses import dataclass

from .schema import Article, Term, callout, heading, key_points, paragraph, quote, section

DIAGNOSIS = "Diagnóstico"
BASICS = "Conceptos básicos del cáncer"
TESTS = "Pruebas"
TREATMENT = "Tratamiento"
LIVING = "Vivir con cáncer"

DEMO_QUOTE = "Cita de ejemplo escrita para esta demostración"

TERMS = {
    "benign": Term(
        title="Benigno",
        also_called=("no canceroso",),
        definition="Benigno describe un bulto que no es cáncer. No se extiende a otras partes del cuerpo.",
        what_is_heading="¿Qué quiere decir benigno?",
        what_is=(
            "<p>Los médicos usan la palabra benigno para un bulto que no es cáncer. Un bulto benigno puede "
            "crecer, pero se queda en el mismo sitio. No entra en los tejidos de alrededor y no se extiende por "
            "el cuerpo.</p>"
            "<p>Muchos bultos son benignos. Casi todos los lunares son benignos. También lo son los bultos "
            "blandos de grasa que salen debajo de la piel.</p>"
        ),
        why_it_matters=(
            "<p>Saber que un bulto es benigno suele ser una buena noticia. La mayoría de los bultos benignos no "
            "son peligrosos.</p>"
            "<p>Algunos necesitan tratamiento de todos modos. Puede ser porque aprietan algo importante, como un "
            "nervio, o porque duelen. Su médico puede proponer vigilar el bulto o quitarlo.</p>"
        ),
        tags=(BASICS, DIAGNOSIS),
    ),
    "biopsy": Term(
        title="Biopsia",
        definition=(
            "Una biopsia es una prueba en la que un médico saca un trozo pequeño de tejido de su cuerpo. La "
            "muestra se mira con un microscopio para saber qué causa el problema."
        ),
        what_is_heading="¿Qué es una biopsia?",
        what_is=(
            "<p>El tejido es el material del que está hecho su cuerpo, como la piel, los músculos o el interior "
            "de un órgano. En una biopsia, el médico saca un trozo pequeño de ese tejido. Se puede hacer:</p>"
            "<ul><li>con una aguja fina, muchas veces guiada por una ecografía o un escáner</li>"
            "<li>con un tubo fino y flexible, con una cámara en la punta, que se pasa al interior del cuerpo</li>"
            "<li>durante una operación</li></ul>"
            "<p>Normalmente le pondrán antes anestesia local. Es un medicamento que duerme solo una zona del "
            "cuerpo, para que usted no sienta dolor.</p>"
        ),
        why_it_matters=(
            "<p>Muchas veces, la biopsia es la única forma de saber con seguridad si un bulto es cáncer. Si lo "
            "es, la muestra también dice qué tipo de cáncer es y su grado, es decir, lo rápido que puede crecer. "
            "Esto ayuda a su equipo a elegir el tratamiento adecuado.</p>"
        ),
        extra_sections=(
            section(
                "Cuándo tendrá los resultados",
                "<p>Los resultados suelen tardar entre unos días y 2 semanas. La espera puede ser difícil. "
                "Pregunte a su equipo de atención cuándo y cómo le darán los resultados. Pregunte también a quién "
                "puede llamar si tiene dudas mientras espera.</p>",
            ),
            callout(
                "urgent",
                "Llame al equipo que le hizo la biopsia si:",
                "<ul><li>la zona no deja de sangrar</li><li>la zona se pone roja, caliente, hinchada o le duele "
                "más</li><li>tiene fiebre alta o siente calor y escalofríos</li></ul>",
            ),
        ),
        tags=(DIAGNOSIS, TESTS),
    ),
    "chemotherapy": Term(
        title="Quimioterapia",
        also_called=("quimio",),
        definition=(
            "La quimioterapia es un tratamiento que usa medicamentos para destruir las células del cáncer o "
            "para que dejen de crecer."
        ),
        what_is_heading="¿Qué es la quimioterapia?",
        what_is=(
            "<p>Los medicamentos de quimioterapia se suelen poner con un gotero en una vena. Otros se toman en "
            "pastillas. Casi siempre se dan en ciclos. Un ciclo es un tiempo de tratamiento y luego un descanso, "
            "para que su cuerpo se recupere.</p>"
            "<p>Estos medicamentos atacan a las células que se dividen rápido, como las del cáncer. Algunas "
            "células sanas también se dividen rápido, como las del cabello, la boca y la sangre. Por eso la "
            "quimioterapia tiene efectos secundarios.</p>"
        ),
        why_it_matters=(
            "<p>La quimioterapia puede curar algunos tipos de cáncer. También puede hacer más pequeño un tumor "
            "antes de una operación. Puede bajar la probabilidad de que el cáncer vuelva. Y puede aliviar los "
            "síntomas cuando no es posible curarlo. Su oncólogo, el médico especialista en cáncer, le explicará "
            "qué se busca en su caso.</p>"
        ),
        extra_sections=(
            callout(
                "emergency",
                "Llame enseguida a la línea de ayuda de quimioterapia, abierta las 24 horas, si:",
                "<ul><li>tiene fiebre de 38 °C o más</li><li>de repente tiene escalofríos o se siente muy mal, "
                "aunque no tenga fiebre</li></ul>"
                "<p>Con la quimioterapia, a su cuerpo le cuesta más luchar contra las infecciones. Una infección "
                "se puede volver grave muy rápido. Si no consigue hablar con nadie, llame al 999 o vaya a "
                "urgencias.</p>",
            ),
        ),
        tags=(TREATMENT,),
    ),
    "malignant": Term(
        title="Maligno",
        also_called=("canceroso",),
        definition=(
            "Maligno quiere decir que es cáncer. Un tumor maligno puede crecer hacia los tejidos cercanos y "
            "extenderse a otras partes del cuerpo."
        ),
        what_is_heading="¿Qué quiere decir maligno?",
        what_is=(
            "<p>En un tumor maligno, las células crecen y se dividen sin control. Pueden meterse en los tejidos "
            "de alrededor. Algunas se pueden soltar y viajar por la sangre o por la linfa a otras partes del "
            "cuerpo. La linfa es un líquido claro que recorre el cuerpo y ayuda a luchar contra las "
            "infecciones.</p>"
        ),
        why_it_matters=(
            "<p>Un tumor maligno necesita tratamiento. Sus médicos averiguarán qué tipo de cáncer es, su estadio "
            "y su grado. Con eso planearán su atención.</p>"
            "<p>Maligno no quiere decir que no se pueda hacer nada. Muchos tipos de cáncer se tratan bien, y "
            "muchos se curan.</p>"
        ),
        tags=(BASICS, DIAGNOSIS),
    ),
    "metastasis": Term(
        title="Metástasis",
        also_called=("cáncer secundario",),
        definition=(
            "La metástasis es cuando el cáncer se extiende desde donde empezó a otra parte del cuerpo. El tumor "
            "nuevo también se llama metástasis o cáncer secundario."
        ),
        what_is_heading="¿Qué es la metástasis?",
        what_is=(
            "<p>Las células del cáncer se pueden soltar del primer tumor, que se llama cáncer primario. Viajan "
            "por la sangre o por la linfa y empiezan a crecer en otro lugar.</p>"
            "<p>El cáncer sigue llamándose por el lugar donde empezó. Por ejemplo, un cáncer de mama que ha "
            "llegado a los huesos sigue siendo cáncer de mama, no cáncer de hueso. Y se trata como un cáncer de "
            "mama.</p>"
        ),
        why_it_matters=(
            "<p>Un cáncer que se ha extendido suele ser más difícil de curar. Muchas veces, el tratamiento busca "
            "controlarlo y que usted esté bien el mayor tiempo posible. Muchas personas viven años con un cáncer "
            "secundario.</p>"
        ),
        tags=(BASICS, LIVING),
    ),
    "relapse": Term(
        title="Recaída",
        also_called=("recidiva",),
        definition=(
            "Una recaída es cuando una enfermedad vuelve después de un tiempo en que había mejorado. En el "
            "cáncer, quiere decir que el cáncer ha vuelto después del tratamiento."
        ),
        what_is_heading="¿Qué es una recaída?",
        what_is=(
            "<p>El cáncer puede volver en el mismo lugar, cerca de él o en otra parte del cuerpo. Pasa cuando "
            "unas pocas células del cáncer sobrevivieron al tratamiento. Eran tan pocas que no se veían en las "
            "pruebas. Con el tiempo, crecieron.</p>"
            "<p>Una recaída no es culpa suya. Normalmente no quiere decir que su tratamiento estuviera mal.</p>"
        ),
        why_it_matters=(
            "<p>Los controles después del tratamiento ayudan a encontrar pronto una recaída. Muchas veces, una "
            "recaída se puede volver a tratar, a veces de otra manera. Su equipo hablará con usted de un plan "
            "nuevo.</p>"
        ),
        tags=(LIVING,),
    ),
    "remission": Term(
        title="Remisión",
        definition=(
            "Remisión quiere decir que los signos y síntomas del cáncer han bajado o han desaparecido, "
            "normalmente después del tratamiento."
        ),
        what_is_heading="¿Qué es la remisión?",
        what_is=(
            "<p>Hay dos tipos. En la remisión parcial, el cáncer se ha hecho más pequeño, pero sigue ahí. En la "
            "remisión completa, las pruebas, los escáneres y las revisiones del médico no encuentran ningún "
            "cáncer.</p>"
            "<p>La remisión completa no siempre quiere decir que el cáncer se haya curado. Pueden quedar unas "
            "pocas células del cáncer en el cuerpo sin que se vean. Por eso algunos médicos dicen <i>sin signos "
            "de enfermedad</i>.</p>"
        ),
        why_it_matters=(
            "<p>La remisión es una buena noticia. Aun así, su equipo de atención querrá verle en controles. Si "
            "sigue en remisión completa durante muchos años, su médico puede decirle que el cáncer se ha "
            "curado.</p>"
        ),
        extra_sections=(
            section(
                "Controles después del tratamiento",
                "<p>En un control, usted habla con su médico. También le pueden revisar el cuerpo, hacer "
                "análisis de sangre o escáneres. Al principio los controles suelen ser más seguidos. Después se "
                "separan más. Si nota algo nuevo entre una cita y otra, dígaselo a su equipo. No tiene que "
                "esperar al próximo control.</p>",
            ),
        ),
        tags=(LIVING,),
    ),
    "side-effect": Term(
        title="Efecto secundario",
        also_called=("efecto adverso",),
        definition=(
            "Un efecto secundario es un efecto no deseado de un medicamento o de un tratamiento, como las ganas "
            "de vomitar, el cansancio o la caída del cabello."
        ),
        what_is_heading="¿Qué es un efecto secundario?",
        what_is=(
            "<p>Casi todos los tratamientos del cáncer dañan también algunas células sanas. Esto causa efectos "
            "secundarios. Los que usted tenga dependen del tratamiento, de la dosis y de usted. Dos personas con "
            "el mismo tratamiento se pueden sentir muy distintas.</p>"
            "<p>Casi todos los efectos secundarios se van cuando termina el tratamiento. Unos pocos pueden durar "
            "más o empezar más tarde. Se llaman efectos tardíos.</p>"
        ),
        why_it_matters=(
            "<p>Muchos efectos secundarios se pueden evitar o aliviar con medicamentos o con cambios pequeños. "
            "Cuénteselos a su equipo de atención, aunque sean pequeños. Le puede ayudar apuntar cada día, en "
            "pocas palabras, cómo se siente.</p>"
        ),
        tags=(TREATMENT, LIVING),
    ),
    "stage": Term(
        title="Estadio",
        also_called=("etapa",),
        definition="El estadio de un cáncer dice qué tamaño tiene y si se ha extendido desde donde empezó.",
        what_is_heading="¿Qué es el estadio de un cáncer?",
        what_is=(
            "<p>Los médicos calculan el estadio con escáneres, biopsias y, a veces, con una operación. A muchos "
            "tipos de cáncer se les da un número del 1 al 4. El estadio 1 quiere decir que el cáncer es pequeño "
            "y no se ha extendido. El estadio 4 quiere decir que ha llegado a otra parte del cuerpo.</p>"
            "<p>También puede ver letras y números como T2 N1 M0. La T es el tamaño del tumor. La N dice si el "
            "cáncer está en los ganglios linfáticos, unos bultos pequeños que ayudan a luchar contra las "
            "infecciones. La M dice si se ha extendido más lejos. Algunos cánceres de la sangre se clasifican de "
            "otra manera.</p>"
        ),
        why_it_matters=(
            "<p>El estadio ayuda a su equipo a elegir el mejor tratamiento. También les ayuda a pensar en su "
            "pronóstico, es decir, en cómo es probable que siga la enfermedad. Un cáncer conserva el estadio que "
            "se le dio cuando se encontró por primera vez, aunque cambie después.</p>"
        ),
        tags=(DIAGNOSIS,),
    ),
    "tumour": Term(
        title="Tumor",
        also_called=("bulto", "masa"),
        definition=(
            "Un tumor es un bulto que se forma cuando las células crecen y se dividen más de lo que deberían. "
            "Un tumor puede ser benigno (no es cáncer) o maligno (es cáncer)."
        ),
        what_is_heading="¿Qué es un tumor?",
        what_is=(
            "<p>Su cuerpo está hecho de piezas muy pequeñas que se llaman células. Normalmente, solo se hacen "
            "células nuevas cuando hacen falta, y las células viejas mueren. Cuando esto falla, se pueden juntar "
            "células de más y formar un bulto.</p>"
            "<p>No todos los cánceres forman tumores. Los cánceres de la sangre, como la leucemia, normalmente "
            "no los forman.</p>"
        ),
        why_it_matters=(
            "<p>Saber si un tumor es benigno o maligno es un primer paso importante. Para eso suele hacer falta "
            "una biopsia. Si es cáncer, el tamaño del tumor ayuda a saber su estadio.</p>"
        ),
        tags=(BASICS, DIAGNOSIS),
    ),
}

ARTICLES = {
    "chemotherapy-what-to-expect": Article(
        title="Quimioterapia: qué esperar",
        summary=(
            "Cómo se da la quimioterapia, los efectos secundarios que tienen muchas personas y las señales que "
            "indican que debe pedir ayuda enseguida."
        ),
        body=(
            key_points(
                "La quimioterapia usa medicamentos para destruir las células del cáncer o para que dejen de "
                "crecer.",
                "Casi siempre se da en ciclos, con tiempos de descanso entre uno y otro.",
                "Los efectos secundarios son frecuentes, y muchos se pueden aliviar.",
                "Si tiene fiebre de 38 °C o más, necesita ayuda enseguida.",
                heading_text="Puntos clave",
            ),
            heading("Cómo se da la quimioterapia"),
            paragraph(
                "<p>Casi siempre, la quimioterapia se pone con un gotero en una vena, en el hospital, sin tener "
                "que quedarse a dormir. Otras veces se toma en pastillas en casa. El tratamiento se planea en "
                "ciclos: unos días de tratamiento y luego un descanso de unas semanas, para que su cuerpo se "
                "recupere.</p>"
                "<p>Antes de cada ciclo le harán un análisis de sangre. Así se comprueba que su cuerpo está "
                "listo.</p>"
            ),
            heading("Efectos secundarios frecuentes"),
            paragraph(
                "<p>La quimioterapia daña las células sanas que se dividen rápido, además de las células del "
                "cáncer. Los efectos secundarios pueden ser:</p>"
                "<ul><li>mucho cansancio</li><li>ganas de vomitar o vómitos</li><li>llagas o dolor en la "
                "boca</li><li>caída del cabello, con algunos medicamentos</li><li>más riesgo de tener "
                "infecciones</li></ul>"
                "<p>Casi todos los efectos secundarios se van cuando termina el tratamiento. Cuénteselos a su "
                "equipo. Muchas veces hay medicamentos o consejos que ayudan.</p>"
            ),
            callout(
                "urgent",
                "Llame a su equipo de atención ese mismo día si:",
                "<ul><li>ha vomitado más de una vez y no puede retener los líquidos</li><li>tiene diarrea que no "
                "se le pasa</li><li>tiene llagas en la boca que no le dejan comer ni beber</li></ul>",
            ),
            callout(
                "emergency",
                "Llame enseguida a la línea de ayuda de quimioterapia, abierta las 24 horas, si:",
                "<ul><li>tiene fiebre de 38 °C o más</li><li>de repente tiene escalofríos o se siente muy mal, "
                "aunque no tenga fiebre</li></ul>"
                "<p>Pueden ser señales de una infección grave. Si no consigue hablar con nadie, llame al 999 o "
                "vaya a urgencias. No espere a la mañana siguiente.</p>",
            ),
            quote(
                "Tener el número de la línea de ayuda guardado en el teléfono y pegado en la cocina me ahorró "
                "tener que buscarlo.",
                DEMO_QUOTE,
            ),
        ),
        tags=(TREATMENT,),
    ),
    "after-treatment-remission-check-ups-and-relapse": Article(
        title="Después del tratamiento: remisión, controles y recaída",
        summary=(
            "Qué quiere decir remisión, qué pasa en los controles después del tratamiento del cáncer y qué es "
            "una recaída."
        ),
        body=(
            key_points(
                "Remisión quiere decir que los signos del cáncer han bajado o han desaparecido.",
                "Los controles siguen después del tratamiento, aunque usted se sienta bien.",
                "No tiene que esperar a un control para contar algo nuevo que note.",
                heading_text="Puntos clave",
            ),
            heading("Qué quiere decir remisión"),
            paragraph(
                "<p>Cuando el tratamiento funciona, su médico puede decirle que está en <b>remisión</b>. En la "
                "remisión parcial, el cáncer se ha hecho más pequeño. En la remisión completa, las pruebas y los "
                "escáneres no encuentran ningún cáncer.</p>"
                "<p>Si sigue en remisión completa durante muchos años, su médico puede decirle que el cáncer se "
                "ha curado.</p>"
            ),
            heading("Los controles"),
            paragraph(
                "<p>Le darán citas para controles. En ellos habla con su médico o su enfermera. También le "
                "pueden revisar el cuerpo, hacer análisis de sangre o escáneres. Al principio suelen ser más "
                "seguidos.</p>"
                "<p>Muchas personas se preocupan antes de un control. Es normal. Le puede ayudar ir con "
                "alguien.</p>"
            ),
            callout(
                "urgent",
                "Hable con su equipo de atención antes del próximo control si:",
                "<ul><li>tiene un síntoma nuevo que dura más de un par de semanas</li><li>vuelve un síntoma que "
                "tenía antes de que le encontraran el cáncer</li><li>le preocupa algún cambio en su "
                "cuerpo</li></ul>",
            ),
            heading("Si el cáncer vuelve"),
            paragraph(
                "<p>A veces el cáncer vuelve después del tratamiento. Esto se llama <b>recaída</b> o recidiva. "
                "No es culpa suya. Muchas veces, una recaída se puede volver a tratar. Su equipo hablará con "
                "usted de los pasos siguientes.</p>"
            ),
            quote(
                "Me costó acostumbrarme a la vida después del tratamiento. Lo que más me ayudó fue hablar con "
                "otras personas que habían pasado por lo mismo.",
                DEMO_QUOTE,
            ),
        ),
        tags=(LIVING,),
    ),
}

# English slugs of the Spanish articles shown on the Spanish home page, in order.
FEATURED_ARTICLES = ("chemotherapy-what-to-expect", "after-treatment-remission-check-ups-and-relapse")

DISCLAIMER_TITLE = "Esta información es general"
DISCLAIMER_BODY = (
    "<p>Esta página explica palabras y temas de salud en general. No es un consejo sobre su propia salud. Hable "
    "con su médico, su enfermera o su equipo de atención sobre lo que quiere decir para usted. <b>En una "
    "emergencia, llame al 999.</b></p>"
)

# What the Spanish-speaking reviewer writes when she signs off a translation.
SIGN_OFF_COMMENT = "El texto en español dice lo mismo que la versión en inglés revisada, y se entiende bien."


@dataclass(frozen=True)
class EnglishChange:
    """A later change to a translated English page, signed off again in English, which leaves its Spanish
    version out of date: the "Translations to update" report lists it."""

    slug: str
    field: str
    value: str
    comment: str


OUT_OF_DATE = EnglishChange(
    slug="stage",
    field="why_it_matters",
    value=(
        "<p>The stage helps your team choose the best treatment and think about your prognosis. A cancer keeps "
        "the stage it was given when it was first found, even if it grows or spreads later. If it does, your "
        "team will explain what has changed and what it means for your treatment.</p>"
    ),
    comment="Clarified that the stage stays the same when a cancer grows or spreads later.",
)
